import type { IsoDateTime } from '../dates';
import { effectiveStatus, type EffectiveStatus } from '../subscriptions/status';
import { SummaryEntry } from '../room/summary';
import { unusedOfCount, type UnusedLicenses } from '../insights/unused-licenses';

/** One line of the admin console: a summary entry, its key in the room, its status and its unused licenses today. */
export interface SummaryRow extends SummaryEntry {
  key: string;
  effective: EffectiveStatus;
  unused: UnusedLicenses;
}

/**
 * The summary room's `entries` as rows at the console's clock. An entry that fails its schema is
 * left out rather than shown half-empty: the server validates what it writes, so that would be a
 * newer server's shape this console cannot read.
 */
export function summaryRows(entries: Record<string, unknown>, now: IsoDateTime): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const parsed = SummaryEntry.safeParse(value);
    if (parsed.success) rows.push({ ...parsed.data, key, effective: effectiveStatus(parsed.data, now), unused: unusedOfCount({ ...parsed.data, id: key }, now) });
  }
  return rows;
}
