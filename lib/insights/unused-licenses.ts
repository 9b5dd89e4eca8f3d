import type { IsoDateTime } from '../dates';
import { divideRounded } from '../billing/rounding';
import type { Currency, MinorUnits } from '../money';
import type { Subscription } from '../subscriptions/schema';
import { assignedCount, effectiveStatus } from '../subscriptions/status';

export interface UnusedLicenses {
  subscriptionId: string;
  /** Paid for and assigned to nobody; never negative (a merge may briefly assign more than there are). */
  unused: number;
  /** What they cost at the subscription's price, rounded to the cent once. */
  perMonth: MinorUnits;
  perYear: MinorUnits;
  currency: Currency;
}

type Priced = Pick<Subscription, 'id' | 'licenses' | 'assigned' | 'term' | 'unitPrice' | 'currency' | 'status' | 'renewsOn'>;

/**
 * The licenses of a subscription nobody holds and their cost: an annual price is spread over twelve
 * months, a monthly one over a year is twelve of them. An expired subscription wastes nothing any
 * more; a canceled one still running does until it ends.
 */
export function unusedLicenses(sub: Priced, now: IsoDateTime): UnusedLicenses {
  const unused = effectiveStatus(sub, now) === 'expired' ? 0 : Math.max(0, sub.licenses - assignedCount(sub));
  const perMonth = sub.term === 'annual' ? divideRounded(unused * sub.unitPrice, 12) : unused * sub.unitPrice;
  const perYear = sub.term === 'annual' ? unused * sub.unitPrice : unused * sub.unitPrice * 12;
  return { subscriptionId: sub.id, unused, perMonth, perYear, currency: sub.currency };
}

export interface WasteTotal {
  currency: Currency;
  unused: number;
  perMonth: MinorUnits;
  perYear: MinorUnits;
}

/** The waste of many subscriptions, one total per currency (amounts of two currencies never add up), largest first. */
export function totalWaste(subs: readonly Priced[], now: IsoDateTime): WasteTotal[] {
  const totals = new Map<Currency, WasteTotal>();
  for (const sub of subs) {
    const waste = unusedLicenses(sub, now);
    if (!waste.unused) continue;
    const total = totals.get(waste.currency) ?? { currency: waste.currency, unused: 0, perMonth: 0, perYear: 0 };
    totals.set(waste.currency, { ...total, unused: total.unused + waste.unused, perMonth: total.perMonth + waste.perMonth, perYear: total.perYear + waste.perYear });
  }
  return [...totals.values()].sort((a, b) => b.perMonth - a.perMonth);
}

