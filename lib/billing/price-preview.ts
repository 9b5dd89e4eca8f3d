import { toIsoDate, daysBetween, type IsoDateTime } from '../dates';
import type { Term } from '../org/schemas';
import type { Subscription } from '../subscriptions/schema';
import { currentPeriod, remainingDays } from '../subscriptions/period';
import { amountsFor, type Amounts } from './invoice';
import { prorate } from './proration';

export interface LicenseChangePreview {
  delta: number;
  term: Term;
  /** What each renewal will cost with the new total. */
  recurring: Amounts;
  /** What is charged (positive) or credited (negative) today for the rest of the current term. */
  today: Amounts;
  remainingDays: number;
  termDays: number;
}

/** What the set-licenses form shows before Save; the command bills exactly these amounts. */
export function previewLicenseChange(
  sub: Pick<Subscription, 'licenses' | 'unitPrice' | 'term' | 'startedOn' | 'renewsOn'>,
  total: number,
  taxRateBps: number,
  now: IsoDateTime,
): LicenseChangePreview {
  const period = currentPeriod(sub);
  const termDays = daysBetween(period.start, period.end);
  const left = remainingDays(period, toIsoDate(now));
  const delta = total - sub.licenses;
  return {
    delta,
    term: sub.term,
    recurring: amountsFor(sub.unitPrice * total, taxRateBps),
    today: amountsFor(prorate({ unitPrice: sub.unitPrice, delta, remainingDays: left, termDays }), taxRateBps),
    remainingDays: left,
    termDays,
  };
}
