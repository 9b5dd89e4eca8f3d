import type { SummaryRow } from './summary-rows';

export const SORT_COLUMNS = ['product', 'purchaser', 'licenses', 'assigned', 'unused', 'renewsOn', 'price', 'status'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface SummarySort {
  column: SortColumn;
  direction: SortDirection;
}

export const DEFAULT_SORT: SummarySort = { column: 'product', direction: 'ascending' };

const byText = (a: string, b: string) => a.localeCompare(b);
const byNumber = (a: number, b: number) => a - b;

const COMPARE: Record<SortColumn, (a: SummaryRow, b: SummaryRow) => number> = {
  product: (a, b) => byText(a.productName, b.productName),
  purchaser: (a, b) => byText(a.purchaserName, b.purchaserName),
  licenses: (a, b) => byNumber(a.licenses, b.licenses),
  assigned: (a, b) => byNumber(a.assignedCount, b.assignedCount),
  // By what the unused licenses cost a month, per currency like the price; then by how many.
  unused: (a, b) => byText(a.currency, b.currency) || byNumber(a.unused.perMonth, b.unused.perMonth) || byNumber(a.unused.unused, b.unused.unused),
  renewsOn: (a, b) => byText(a.renewsOn, b.renewsOn),
  // Amounts in different currencies do not compare; grouping by currency keeps each run in order.
  price: (a, b) => byText(a.currency, b.currency) || byNumber(a.termPrice, b.termPrice),
  status: (a, b) => byText(a.effective, b.effective),
};

/**
 * Sorted by the column, then by product, purchaser and key, so equal values keep one order while
 * live updates arrive instead of rows jumping about.
 */
export function sortRows(rows: readonly SummaryRow[], sort: SummarySort): SummaryRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * COMPARE[sort.column](a, b) || COMPARE.product(a, b) || COMPARE.purchaser(a, b) || byText(a.key, b.key),
  );
}

/** A click on a column header: that column ascending, or the other direction when it is sorted already. */
export function toggleSort(sort: SummarySort, column: SortColumn): SummarySort {
  if (sort.column !== column) return { column, direction: 'ascending' };
  return { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
}
