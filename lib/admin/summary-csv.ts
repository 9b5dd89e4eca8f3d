import { TERM_LABELS } from '../billing/price-label';
import { toCsv } from './csv';
import type { SummaryRow } from './summary-rows';

export const SUMMARY_CSV_HEADER = [
  'Product',
  'Purchaser',
  'Licenses',
  'Assigned',
  'Unused',
  'Unused cost per month',
  'Renews or expires on',
  'Term',
  'Price per term before tax',
  'Currency',
  'Status',
  'Assigned users',
] as const;

/**
 * The rows as the console's table shows them (the status in the table's words, "Payment failed"
 * included, the unused licenses with what they cost a month), plus who holds the licenses. Amounts are plain
 * numbers in the currency's major unit (`1312.50`), with the currency and the term they are for
 * in their own columns, so a spreadsheet can add them up. Names come from people's
 * directory entries; `toCsv` writes one that starts like a formula as inert text.
 */
export function summaryCsv(rows: readonly SummaryRow[], statusLabel: (row: SummaryRow) => string): string {
  return toCsv([
    SUMMARY_CSV_HEADER,
    ...rows.map((row) => [
      row.productName,
      row.purchaserName,
      row.licenses,
      row.assignedCount,
      row.unused.unused,
      { minorUnits: row.unused.perMonth },
      row.renewsOn,
      TERM_LABELS[row.term],
      { minorUnits: row.termPrice },
      row.currency,
      statusLabel(row),
      row.assignedNames.join('; '),
    ]),
  ]);
}


