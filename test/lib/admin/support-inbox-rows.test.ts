import { describe, expect, it } from 'vitest';
import { newRequestCount, supportInboxRows } from '../../../lib/admin/support-inbox-rows';

const entry = (requestId: string, receivedAt: string, handledAt?: string) => ({
  purchaserId: 'person-01',
  purchaserName: 'Maya Okafor',
  requestId,
  subject: `About ${requestId}`,
  message: 'Hello',
  email: 'maya.okafor@northwind.example',
  createdAt: receivedAt,
  receivedAt,
  ...(handledAt ? { handledAt, handledBy: 'person-it-admin' } : {}),
});

describe('supportInboxRows', () => {
  it('lists new requests first, newest on top, then handled ones, most recently handled on top', () => {
    const rows = supportInboxRows({
      'person-01/a': entry('a', '2026-03-01T10:00:00.000Z'),
      'person-01/b': entry('b', '2026-03-02T10:00:00.000Z', '2026-03-02T12:00:00.000Z'),
      'person-01/c': entry('c', '2026-03-03T10:00:00.000Z'),
      'person-01/d': entry('d', '2026-02-01T10:00:00.000Z', '2026-03-05T12:00:00.000Z'),
    });
    expect(rows.map((row) => row.key)).toEqual(['person-01/c', 'person-01/a', 'person-01/d', 'person-01/b']);
    expect(newRequestCount(rows)).toBe(2);
  });

  it('leaves out an entry it cannot read', () => {
    expect(supportInboxRows({ 'person-01/a': entry('a', '2026-03-01T10:00:00.000Z'), broken: { subject: 'No purchaser' } }).map((row) => row.key)).toEqual(['person-01/a']);
  });
});
