import { addDays, type IsoDate } from '../dates';
import type { EffectiveStatus } from '../subscriptions/status';
import type { SummaryRow } from './summary-rows';

export interface SummaryFilter {
  /** Matched case-insensitively against product, purchaser and assigned people. */
  search: string;
  /** A product id, or '' for every product. */
  productId: string;
  /** A purchaser id, or '' for every purchaser. */
  purchaserId: string;
  status: EffectiveStatus | '';
  expiringSoon: boolean;
}

export const NO_FILTER: SummaryFilter = { search: '', productId: '', purchaserId: '', status: '', expiringSoon: false };

export const EXPIRING_WITHIN_DAYS = 30;

/**
 * Whether the subscription's term ends within the next 30 days, today included: an active one
 * renews then (a bill to expect), a canceled one stops. An expired one has nothing left to end.
 */
export function expiresSoon(row: Pick<SummaryRow, 'effective' | 'renewsOn'>, today: IsoDate): boolean {
  return row.effective !== 'expired' && row.renewsOn >= today && row.renewsOn <= addDays(today, EXPIRING_WITHIN_DAYS);
}

export function filterRows(rows: readonly SummaryRow[], filter: SummaryFilter, today: IsoDate): SummaryRow[] {
  const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.productId && row.productId !== filter.productId) return false;
    if (filter.purchaserId && row.purchaserId !== filter.purchaserId) return false;
    if (filter.status && row.effective !== filter.status) return false;
    if (filter.expiringSoon && !expiresSoon(row, today)) return false;
    if (words.length === 0) return true;
    const text = [row.productName, row.purchaserName, ...row.assignedNames].join('\n').toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The products and purchasers present in the rows, by name, for the filter menus. */
export function filterOptions(rows: readonly SummaryRow[]): { products: FilterOption[]; purchasers: FilterOption[] } {
  const products = new Map<string, string>();
  const purchasers = new Map<string, string>();
  for (const row of rows) {
    products.set(row.productId, row.productName);
    purchasers.set(row.purchaserId, row.purchaserName);
  }
  const sorted = (options: Map<string, string>) =>
    [...options].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
  return { products: sorted(products), purchasers: sorted(purchasers) };
}
