import type { MinorUnits } from '../money';
import { TERM_LABELS } from '../billing/price-label';
import type { EffectiveStatus } from '../subscriptions/status';
import { toCsv } from './csv';
import type { SummaryRow } from './summary-rows';

export const SUMMARY_CSV_HEADER = [
  'Product',
  'Purchaser',
  'Licenses',
  'Assigned',
  'Renews or expires on',
  'Term',
  'Price per term before tax',
  'Currency',
  'Status',
  'Assigned users',
] as const;


/**
 * The rows as the console's table shows them, plus who holds the licenses. Amounts are plain
 * numbers in the currency's major unit (`1312.50`), with the currency and the term they are for
 * in their own columns, so a spreadsheet can add them up. Names come from people's
 * directory entries; one that starts like a spreadsheet formula is prefixed with `'` so opening the
 * file cannot run it.
 */
export function summaryCsv(rows: readonly SummaryRow[], statusLabels: Record<EffectiveStatus, string>): string {
  return toCsv([
    SUMMARY_CSV_HEADER,
    ...rows.map((row) => [
      text(row.productName),
      text(row.purchaserName),
      String(row.licenses),
      String(row.assignedCount),
      row.renewsOn,
      TERM_LABELS[row.term],
      plainAmount(row.termPrice),
      row.currency,
      statusLabels[row.effective],
      row.assignedNames.map(text).join('; '),
    ]),
  ]);
}

/** `131250` → `1312.50`: every currency Seatkeeper bills in has two decimals. */
export function plainAmount(amount: MinorUnits): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
