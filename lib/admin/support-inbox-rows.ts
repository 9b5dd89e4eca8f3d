import { SupportInboxEntry } from '../room/support-inbox';

/** One request of the admin console's support inbox, with its key in the room. */
export interface SupportInboxRow extends SupportInboxEntry {
  key: string;
}

/**
 * The inbox room's `requests` as the console lists them: new ones first, the most recently received
 * on top, then the handled ones, the most recently handled on top. An entry that fails its schema
 * is left out (a newer server's shape this console cannot read).
 */
export function supportInboxRows(requests: Record<string, unknown>): SupportInboxRow[] {
  const rows: SupportInboxRow[] = [];
  for (const [key, value] of Object.entries(requests)) {
    const parsed = SupportInboxEntry.safeParse(value);
    if (parsed.success) rows.push({ ...parsed.data, key });
  }
  const newest = (a: string, b: string) => b.localeCompare(a);
  return rows.sort((a, b) => {
    if (!a.handledAt !== !b.handledAt) return a.handledAt ? 1 : -1;
    return a.handledAt && b.handledAt ? newest(a.handledAt, b.handledAt) : newest(a.receivedAt, b.receivedAt) || a.key.localeCompare(b.key);
  });
}

/** The requests no admin has marked handled yet: the inbox's badge. */
export function newRequestCount(rows: readonly SupportInboxRow[]): number {
  return rows.filter((row) => !row.handledAt).length;
}
