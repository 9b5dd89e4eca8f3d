import { formatMoney } from '../money';
import { plural } from '../text/plural';
import type { UnusedLicenses, WasteTotal } from './unused-licenses';

type Waste = Pick<UnusedLicenses, 'unused' | 'perMonth' | 'currency'>;

/** "88 unused licenses — $1,100.00 a month". */
export function wasteText(waste: Waste): string {
  return `${plural(waste.unused, 'unused license')} — ${formatMoney(waste.perMonth, waste.currency)} a month`;
}

/** "You pay for 107 unused licenses — $1,234.00 a month" (and "; €20.00 a month in EUR" per other currency). */
export function totalWasteText(totals: readonly WasteTotal[]): string {
  if (!totals.length) return '';
  const unused = totals.reduce((sum, total) => sum + total.unused, 0);
  return `You pay for ${plural(unused, 'unused license')} — ${totals.map((total) => `${formatMoney(total.perMonth, total.currency)} a month`).join(' and ')}`;
}
