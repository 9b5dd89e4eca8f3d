import { PurchaseNotification } from '../activity/purchase-notification';

export type NotificationRow = PurchaseNotification & { key: string };

/** The summary room's notifications, newest first; an entry that is not a valid notification is left out. */
export function notificationRows(entries: Record<string, unknown>): NotificationRow[] {
  return Object.entries(entries)
    .flatMap(([key, value]) => {
      const parsed = PurchaseNotification.safeParse(value);
      return parsed.success ? [{ ...parsed.data, key }] : [];
    })
    .sort((a, b) => b.at.localeCompare(a.at) || b.key.localeCompare(a.key));
}

/** Whether the admin has not read `row` yet: it happened after the newest one they had read (none read: every one is new). */
export function isUnread(row: Pick<NotificationRow, 'at'>, lastReadAt: string | undefined): boolean {
  return lastReadAt === undefined || row.at > lastReadAt;
}

export function unreadCount(rows: readonly NotificationRow[], lastReadAt: string | undefined): number {
  return rows.filter((row) => isUnread(row, lastReadAt)).length;
}

/**
 * What "read up to" becomes once the admin has seen `rows`: the time of the newest one, the
 * server's clock rather than the browser's, so a skewed clock neither hides nor repeats any.
 */
export function readUpTo(rows: readonly NotificationRow[], lastReadAt: string | undefined): string | undefined {
  const newest = rows[0]?.at;
  return newest && (!lastReadAt || newest > lastReadAt) ? newest : lastReadAt;
}
