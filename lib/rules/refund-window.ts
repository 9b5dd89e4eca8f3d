import { daysBetween, toIsoDate, type IsoDate, type IsoDateTime } from '../dates';

/**
 * How long a purchase may be taken back with its money (as Microsoft's self-service purchases):
 * undoing it refunds what was paid, canceling it refunds the unused part and ends it at once.
 * Counted on the server's clock, from the day of purchase: days 0 to 6 are within.
 */
export const REFUND_WINDOW_DAYS = 7;

export function withinRefundWindow(startedOn: IsoDate, now: IsoDateTime): boolean {
  const days = daysBetween(startedOn, toIsoDate(now));
  return days >= 0 && days < REFUND_WINDOW_DAYS;
}
