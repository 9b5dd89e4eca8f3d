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
/** What the admin console's summary entries carry: the number of people assigned, not who. */
export type PricedCount = Omit<Priced, 'assigned'> & { assignedCount: number };

/**
 * The licenses of a subscription nobody holds and their cost: an annual price is spread over twelve
 * months, a monthly one over a year is twelve of them. An expired subscription wastes nothing any
 * more; a canceled one still running does until it ends.
 */
export function unusedLicenses(sub: Priced, now: IsoDateTime): UnusedLicenses {
  return unusedOfCount({ ...sub, assignedCount: assignedCount(sub) }, now);
}

/** `unusedLicenses` from a count of people assigned (a summary entry). */
export function unusedOfCount(sub: PricedCount, now: IsoDateTime): UnusedLicenses {
  const unused = effectiveStatus(sub, now) === 'expired' ? 0 : Math.max(0, sub.licenses - sub.assignedCount);
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
  return addWaste(subs.map((sub) => unusedLicenses(sub, now)));
}

/** Many subscriptions' waste added up, one total per currency, largest first; none without waste. */
export function addWaste(wastes: readonly UnusedLicenses[]): WasteTotal[] {
  const totals = new Map<Currency, WasteTotal>();
  for (const waste of wastes) {
    if (!waste.unused) continue;
    const total = totals.get(waste.currency) ?? { currency: waste.currency, unused: 0, perMonth: 0, perYear: 0 };
    totals.set(waste.currency, { ...total, unused: total.unused + waste.unused, perMonth: total.perMonth + waste.perMonth, perYear: total.perYear + waste.perYear });
  }
  return [...totals.values()].sort((a, b) => b.perMonth - a.perMonth);
}


/** The total "Remove unused licenses" proposes: as many as are assigned, and never none (a subscription keeps one). */
export function unusedRemovedTotal(sub: Pick<Subscription, 'assigned'>): number {
  return Math.max(1, assignedCount(sub));
}
