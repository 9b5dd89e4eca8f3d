import type { Invoice } from '../billing/schemas';
import type { Currency } from '../money';
import type { SpendMonth, SpendSeries } from './monthly-spend';

/**
 * The product a spend chart files an invoice line under: the name kept on the line, else the
 * subscription's product (`known`), else "Other" (a subscription since removed, before lines kept names).
 */
export function spendProductOf(invoices: readonly Pick<Invoice, 'lines'>[], known: (subscriptionId: string) => string | undefined): (subscriptionId: string) => string {
  const named = new Map<string, string>();
  for (const invoice of invoices) for (const line of invoice.lines) if (line.productName) named.set(line.subscriptionId, line.productName);
  return (id) => named.get(id) ?? known(id) ?? 'Other';
}

/** The products of the series, in name order: the stacking order of the bars and the table's columns. */
export function spendProducts(series: SpendSeries): string[] {
  return [...new Set(series.months.flatMap((month) => Object.keys(month.byProduct)))].sort((a, b) => a.localeCompare(b));
}

/** Several series (one per purchaser) added up month by month, per currency. */
export function mergeSpend(all: readonly SpendSeries[][]): SpendSeries[] {
  const byCurrency = new Map<Currency, Map<string, SpendMonth>>();
  for (const series of all) {
    for (const { currency, months } of series) {
      const merged = byCurrency.get(currency) ?? new Map<string, SpendMonth>();
      byCurrency.set(currency, merged);
      for (const month of months) {
        const into = merged.get(month.month) ?? { month: month.month, byProduct: {}, total: 0 };
        for (const [product, amount] of Object.entries(month.byProduct)) into.byProduct[product] = (into.byProduct[product] ?? 0) + amount;
        into.total += month.total;
        merged.set(month.month, into);
      }
    }
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, months]) => ({ currency, months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)) }));
}

/** One product's share of the series: its amounts only, each month's total its amount. */
export function onlyProduct(series: readonly SpendSeries[], product: string): SpendSeries[] {
  return series.map(({ currency, months }) => ({
    currency,
    months: months.map(({ month, byProduct }) => ({ month, byProduct: product in byProduct ? { [product]: byProduct[product]! } : {}, total: byProduct[product] ?? 0 })),
  }));
}
