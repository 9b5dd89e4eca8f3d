import { addMonths, daysBetween, type IsoDate } from '../dates';
import type { Term } from '../org/schemas';
import type { Subscription } from './schema';

export const TERM_MONTHS: Record<Term, number> = { monthly: 1, annual: 12 };

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The term that ends on `renewsOn`. Terms are anniversaries of `startedOn`, so a subscription started
 * on Jan 31 has terms Jan 31 → Feb 28 → Mar 31 → Apr 30; stepping back a month from Apr 30 would
 * give Mar 30 instead. A `renewsOn` that is no anniversary falls back to one term before it.
 */
export function currentPeriod(sub: Pick<Subscription, 'term' | 'startedOn' | 'renewsOn'>): Period {
  const months = TERM_MONTHS[sub.term];
  const termsBefore = Math.max(0, Math.ceil(monthsBetween(sub.startedOn, sub.renewsOn) / months) - 1);
  const anniversary = addMonths(sub.startedOn, termsBefore * months);
  const start = addMonths(anniversary, months) === sub.renewsOn ? anniversary : addMonths(sub.renewsOn, -months);
  return { start, end: sub.renewsOn };
}

function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** Days left in the current term counted from `today`, between 0 and the term's length. */
export function remainingDays(period: Period, today: IsoDate): number {
  const termDays = daysBetween(period.start, period.end);
  return Math.min(termDays, Math.max(0, daysBetween(today, period.end)));
}
