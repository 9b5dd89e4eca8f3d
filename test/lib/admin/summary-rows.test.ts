import { describe, expect, it } from 'vitest';
import { summaryRows } from '../../../lib/admin/summary-rows';
import { entry } from './rows';

describe('summaryRows', () => {
  it('keys each entry and applies the console clock to the stored status', () => {
    const entries = {
      'person-01/sub-chat': entry(),
      'person-01/sub-board': entry({ subscriptionId: 'sub-board', status: 'canceled', renewsOn: '2026-11-30' }),
    };
    const rows = summaryRows(entries, '2026-11-30T08:00:00.000Z');
    expect(rows.map((r) => [r.key, r.effective])).toEqual([
      ['person-01/sub-chat', 'active'],
      ['person-01/sub-board', 'expired'],
    ]);
  });

  it('carries each row’s unused licenses at the console clock: none once expired, none below zero', () => {
    const rows = summaryRows(
      {
        chat: entry({ licenses: 100, assignedCount: 12, unitPrice: 1250 }),
        ended: entry({ status: 'canceled', renewsOn: '2026-11-30' }),
        merged: entry({ licenses: 2, assignedCount: 3 }),
      },
      '2026-11-30T08:00:00.000Z',
    );
    expect(rows.map((r) => [r.key, r.unused.unused, r.unused.perMonth])).toEqual([
      ['chat', 88, 110_000],
      ['ended', 0, 0],
      ['merged', 0, 0],
    ]);
  });

  it('leaves out an entry that does not read as a summary entry', () => {
    const rows = summaryRows({ good: entry(), bad: { productName: 'Half' }, worse: 'text' }, '2026-11-01T00:00:00.000Z');
    expect(rows.map((r) => r.key)).toEqual(['good']);
  });
});
