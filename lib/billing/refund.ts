import { daysBetween, type IsoDate } from '../dates';
import { amountsFor, type Amounts } from './invoice';
import { divideRounded } from './rounding';
import type { Invoice } from './schemas';

/**
 * What is given back when a purchase is undone or canceled within the refund window (see
 * `lib/rules/refund-window.ts`). Both figures read the subscription's own invoices, charges and
 * credits alike, so what a license change credited is never refunded a second time.
 */

export const NO_REFUND: Amounts = { subtotal: 0, tax: 0, total: 0 };

/** An undone purchase: everything paid for it, net of credits, back to the cent (negative amounts); nothing when nothing was paid. */
export function fullRefund(invoices: readonly Pick<Invoice, 'subtotal' | 'tax' | 'total'>[]): Amounts {
  const net = invoices.reduce((sum, invoice) => ({ subtotal: sum.subtotal + invoice.subtotal, tax: sum.tax + invoice.tax, total: sum.total + invoice.total }), NO_REFUND);
  return net.total > 0 ? { subtotal: -net.subtotal, tax: -net.tax, total: -net.total } : NO_REFUND;
}

/**
 * A cancellation within the window: the unused part of what was paid, prorated by days. Each
 * invoice's subtotal counts for the days from `today` to the end of its period, over the days of its
 * period (a license change's invoice covers only the rest of its term); tax is taken once on the
 * sum, as on any invoice. Negative amounts; nothing when nothing is left to give back.
 */
export function unusedRefund(invoices: readonly Pick<Invoice, 'subtotal' | 'periodStart' | 'periodEnd'>[], today: IsoDate, taxRateBps: number): Amounts {
  let unused = 0;
  for (const invoice of invoices) {
    const periodDays = daysBetween(invoice.periodStart, invoice.periodEnd);
    if (periodDays <= 0) continue;
    const leftDays = Math.min(periodDays, Math.max(0, daysBetween(today, invoice.periodEnd)));
    unused += divideRounded(invoice.subtotal * leftDays, periodDays);
  }
  return unused > 0 ? amountsFor(-unused, taxRateBps) : NO_REFUND;
}
