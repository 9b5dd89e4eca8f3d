import { formatMoney } from '../money';
import type { EffectiveStatus } from '../subscriptions/status';
import { toCsv } from './csv';
import type { SummaryRow } from './summary-rows';

export const SUMMARY_CSV_HEADER = ['Product', 'Purchaser', 'Licenses', 'Assigned', 'Renews or expires on', 'Price per term', 'Status', 'Assigned users'] as const;

/**
 * The rows as the console's table shows them, plus who holds the licenses. Names come from people's
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
      formatMoney(row.termPrice, row.currency),
      statusLabels[row.effective],
      row.assignedNames.map(text).join('; '),
    ]),
  ]);
}

function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
