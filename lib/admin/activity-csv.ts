import type { ActivityRow } from './activity-rows';
import { toCsv } from './csv';

export const ACTIVITY_CSV_HEADER = ['Time (UTC)', 'Purchaser', 'Product', 'Field', 'Before', 'After', 'Device', 'By'] as const;

/**
 * The activity view's rows as it shows them, in its order; the time as ISO UTC so a spreadsheet
 * sorts it. Names, feedback and device names come from purchasers: `toCsv` writes one that starts
 * like a formula as inert text.
 */
export function activityCsv(rows: readonly ActivityRow[]): string {
  return toCsv([ACTIVITY_CSV_HEADER, ...rows.map((row) => [row.at, row.purchaser, row.product, row.field, row.before, row.after, row.device, row.by])]);
}
