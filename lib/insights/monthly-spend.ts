import { addMonths, toIsoDate, type IsoDateTime } from '../dates';
import { divideRounded } from '../billing/rounding';
import type { Invoice } from '../billing/schemas';
import type { Currency, MinorUnits } from '../money';

export interface SpendMonth {
  /** `2026-12` */
  month: string;
  /** What was invoiced for each product that month, tax included; credits count negative. */
  byProduct: Record<string, MinorUnits>;
  /** The month's invoice totals added up: exactly the sum of `byProduct`. */
  total: MinorUnits;
}

export interface SpendSeries {
  currency: Currency;
  months: SpendMonth[];
}

type Invoiced = Pick<Invoice, 'issuedOn' | 'lines' | 'subtotal' | 'tax' | 'total' | 'currency'>;

/**
 * One invoice's total split by product: each product's lines plus its share of the tax, shared in
 * proportion to the lines and rounded so the shares add up to the invoice's tax exactly (the
 * rounding cent goes to the largest product).
 */
export function invoiceByProduct(invoice: Invoiced, productOf: (subscriptionId: string) => string): Record<string, MinorUnits> {
  const lines = new Map<string, MinorUnits>();
  for (const line of invoice.lines) lines.set(productOf(line.subscriptionId), (lines.get(productOf(line.subscriptionId)) ?? 0) + line.amount);
  const products = [...lines.entries()];
  if (!products.length) return {};
  const sign = Math.sign(invoice.subtotal);
  const shares = products.map(([, amount]) => (sign === 0 ? 0 : divideRounded(sign * invoice.tax * amount, Math.abs(invoice.subtotal))));
  const largest = products.reduce((best, [, amount], i) => (Math.abs(amount) > Math.abs(products[best]![1]) ? i : best), 0);
  shares[largest]! += invoice.tax - shares.reduce((sum, share) => sum + share, 0);
  return Object.fromEntries(products.map(([product, amount], i) => [product, amount + shares[i]!]));
}

/**
 * What was invoiced per month over the `months` months up to this one, per product, one series per
 * currency (amounts of two currencies never add up). Months without invoices are there, at zero,
 * so a chart's bars stay a month apart.
 */
export function monthlySpend(invoices: readonly Invoiced[], productOf: (subscriptionId: string) => string, now: IsoDateTime, months = 12): SpendSeries[] {
  const thisMonth = `${toIsoDate(now).slice(0, 7)}-01`;
  const keys = Array.from({ length: months }, (_, i) => addMonths(thisMonth, i - months + 1).slice(0, 7));
  const series = new Map<Currency, Map<string, SpendMonth>>();
  for (const invoice of invoices) {
    const month = invoice.issuedOn.slice(0, 7);
    if (!keys.includes(month)) continue;
    if (!series.has(invoice.currency)) series.set(invoice.currency, new Map(keys.map((key) => [key, { month: key, byProduct: {}, total: 0 }])));
    const entry = series.get(invoice.currency)!.get(month)!;
    for (const [product, amount] of Object.entries(invoiceByProduct(invoice, productOf))) entry.byProduct[product] = (entry.byProduct[product] ?? 0) + amount;
    entry.total += invoice.total;
  }
  return [...series.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, byMonth]) => ({ currency, months: [...byMonth.values()] }));
}
