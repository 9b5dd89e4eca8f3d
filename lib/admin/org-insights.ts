import { addMonths, type IsoDateTime } from '../dates';
import type { Invoice } from '../billing/schemas';
import { addWaste, type UnusedLicenses, type WasteTotal } from '../insights/unused-licenses';
import { monthlySpend, type SpendSeries } from '../insights/monthly-spend';
import { mergeSpend, onlyProduct, spendProductOf } from '../insights/spend-products';
import { upcomingRenewals, type Renewal } from '../insights/upcoming-renewals';
import { TERM_MONTHS } from '../subscriptions/period';
import type { SummaryRow } from './summary-rows';

export interface PurchaserWaste {
  purchaserId: string;
  purchaserName: string;
  totals: WasteTotal[];
}

/** Each purchaser's waste (those with any), by name, and the organization's, at the rows' clock. */
export function orgWaste(rows: readonly SummaryRow[]): { organization: WasteTotal[]; purchasers: PurchaserWaste[] } {
  const byPurchaser = new Map<string, { name: string; wastes: UnusedLicenses[] }>();
  const all: UnusedLicenses[] = [];
  for (const row of rows) {
    const waste = row.unused;
    all.push(waste);
    const entry = byPurchaser.get(row.purchaserId) ?? { name: row.purchaserName, wastes: [] };
    entry.wastes.push(waste);
    byPurchaser.set(row.purchaserId, entry);
  }
  const purchasers = [...byPurchaser.entries()]
    .map(([purchaserId, { name, wastes }]) => ({ purchaserId, purchaserName: name, totals: addWaste(wastes) }))
    .filter((p) => p.totals.length > 0)
    .sort((a, b) => a.purchaserName.localeCompare(b.purchaserName) || a.purchaserId.localeCompare(b.purchaserId));
  return { organization: addWaste(all), purchasers };
}

export interface OrgRenewal extends Renewal {
  purchaserName: string;
}

/**
 * The organization's renewals in the next `days`, as `upcomingRenewals` (its `subscriptionId` is
 * the row's key). An entry of an older server has no start date: its term is counted back from
 * the next renewal, which is exact for the renewal shown and for those after it.
 */
export function orgRenewals(rows: readonly SummaryRow[], now: IsoDateTime, days = 90): OrgRenewal[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const subs = rows.map((row) => ({ ...row, id: row.key, startedOn: row.startedOn ?? addMonths(row.renewsOn, -TERM_MONTHS[row.term]) }));
  return upcomingRenewals(subs, now, days).map((renewal) => ({ ...renewal, purchaserName: byKey.get(renewal.subscriptionId)!.purchaserName }));
}

export interface SpendFilter {
  /** A purchaser id, or '' for all. */
  purchaserId: string;
  /** A product name, or '' for all. */
  product: string;
}

/** What was invoiced per month to the organization's purchasers (or one of them), per product (or one). */
export function orgSpend(invoices: Readonly<Record<string, readonly Invoice[]>>, rows: readonly SummaryRow[], filter: SpendFilter, now: IsoDateTime, months = 12): SpendSeries[] {
  const series = Object.entries(invoices)
    .filter(([purchaserId]) => !filter.purchaserId || purchaserId === filter.purchaserId)
    .map(([purchaserId, theirs]) => {
      const known = new Map(rows.filter((row) => row.purchaserId === purchaserId).map((row) => [row.subscriptionId, row.productName]));
      return monthlySpend(theirs, spendProductOf(theirs, (id) => known.get(id)), now, months);
    });
  const merged = mergeSpend(series);
  return filter.product ? onlyProduct(merged, filter.product) : merged;
}
