import { addDays, formatDay, type IsoDate } from '../dates';

const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * The days an invoice covers, both ends included: `periodEnd` is the renewal day, when the next
 * term begins, so the last day covered is the day before it. `Mar 1 – Mar 31, 2026`, with the year
 * once when both days fall in it; one day is shown alone.
 */
export function invoicePeriod(invoice: { periodStart: IsoDate; periodEnd: IsoDate }): string {
  const first = invoice.periodStart;
  const last = invoice.periodEnd > first ? addDays(invoice.periodEnd, -1) : first;
  if (last === first) return formatDay(first);
  if (first.slice(0, 4) !== last.slice(0, 4)) return `${formatDay(first)} – ${formatDay(last)}`;
  return `${monthDay.format(new Date(`${first}T00:00:00Z`))} – ${formatDay(last)}`;
}
