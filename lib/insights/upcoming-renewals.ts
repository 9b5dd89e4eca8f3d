import { addDays, addMonths, toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import type { Currency, MinorUnits } from '../money';
import type { Subscription } from '../subscriptions/schema';
import { TERM_MONTHS } from '../subscriptions/period';
import { effectiveStatus } from '../subscriptions/status';

export interface Renewal {
  on: IsoDate;
  subscriptionId: string;
  productName: string;
  licenses: number;
  /** One term of all licenses at today's price, before tax. */
  amount: MinorUnits;
  currency: Currency;
}

type Renewing = Pick<Subscription, 'id' | 'productName' | 'licenses' | 'term' | 'status' | 'startedOn' | 'renewsOn' | 'unitPrice' | 'currency'>;

/**
 * Every renewal of the active subscriptions from today through `days` ahead, by date then product:
 * a monthly subscription renews on each anniversary of its start in the window (three or so in 90
 * days), at the licenses and price it has now. Canceled subscriptions do not renew.
 */
export function upcomingRenewals(subs: readonly Renewing[], now: IsoDateTime, days = 90): Renewal[] {
  const today = toIsoDate(now);
  const horizon = addDays(today, days);
  const renewals: Renewal[] = [];
  for (const sub of subs) {
    if (effectiveStatus(sub, now) !== 'active') continue;
    const months = TERM_MONTHS[sub.term];
    for (let k = 1, on = addMonths(sub.startedOn, months); on <= horizon; k++, on = addMonths(sub.startedOn, k * months)) {
      if (on >= sub.renewsOn && on >= today) renewals.push({ on, subscriptionId: sub.id, productName: sub.productName, licenses: sub.licenses, amount: sub.unitPrice * sub.licenses, currency: sub.currency });
    }
  }
  return renewals.sort((a, b) => a.on.localeCompare(b.on) || a.productName.localeCompare(b.productName));
}

export interface MonthTotal {
  /** `2026-12` */
  month: string;
  currency: Currency;
  total: MinorUnits;
}

/** The renewals' totals per month and currency, in month order. */
export function renewalsByMonth(renewals: readonly Renewal[]): MonthTotal[] {
  const totals = new Map<string, MonthTotal>();
  for (const renewal of renewals) {
    const month = renewal.on.slice(0, 7);
    const key = `${month} ${renewal.currency}`;
    const total = totals.get(key) ?? { month, currency: renewal.currency, total: 0 };
    totals.set(key, { ...total, total: total.total + renewal.amount });
  }
  return [...totals.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
}
