import { addMonths, daysBetween, type IsoDate } from '../dates';
import type { Term } from '../org/schemas';
import type { Subscription } from './schema';

export const TERM_MONTHS: Record<Term, number> = { monthly: 1, annual: 12 };

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The term that ends on `renewsOn`. Its start is one term back, but never before `startedOn`: a
 * subscription started on Jan 31 renews on Feb 28, and its first term has 28 days, not 31.
 */
export function currentPeriod(sub: Pick<Subscription, 'term' | 'startedOn' | 'renewsOn'>): Period {
  const oneTermBack = addMonths(sub.renewsOn, -TERM_MONTHS[sub.term]);
  return { start: oneTermBack > sub.startedOn ? oneTermBack : sub.startedOn, end: sub.renewsOn };
}

/** Days left in the current term counted from `today`, between 0 and the term's length. */
export function remainingDays(period: Period, today: IsoDate): number {
  const termDays = daysBetween(period.start, period.end);
  return Math.min(termDays, Math.max(0, daysBetween(today, period.end)));
}
