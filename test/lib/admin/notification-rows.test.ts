import { describe, expect, it } from 'vitest';
import { notificationRows, readUpTo, unreadCount } from '../../../lib/admin/notification-rows';

const note = (at: string, message: string) => ({ at, purchaserId: 'person-01', subscriptionId: 'sub-1', productId: 'prod-chat', kind: 'purchase', message });

describe('notification rows', () => {
  const entries = {
    a: note('2026-03-01T10:00:00.000Z', 'first'),
    b: note('2026-03-01T12:00:00.000Z', 'third'),
    c: note('2026-03-01T11:00:00.000Z', 'second'),
    bad: { at: 'yesterday', message: 'not a notification' },
  };

  it('lists valid notifications newest first', () => {
    expect(notificationRows(entries).map((row) => [row.key, row.message])).toEqual([
      ['b', 'third'],
      ['c', 'second'],
      ['a', 'first'],
    ]);
  });

  it('counts as unread what came after the newest one read, everything when none was read', () => {
    const rows = notificationRows(entries);
    expect(unreadCount(rows, undefined)).toBe(3);
    expect(unreadCount(rows, '2026-03-01T10:00:00.000Z')).toBe(2);
    expect(unreadCount(rows, readUpTo(rows, undefined))).toBe(0);
  });

  it('reads up to the newest notification, never back', () => {
    const rows = notificationRows(entries);
    expect(readUpTo(rows, '2026-03-01T10:30:00.000Z')).toBe('2026-03-01T12:00:00.000Z');
    expect(readUpTo(rows, '2026-03-02T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(readUpTo([], undefined)).toBeUndefined();
  });
});
