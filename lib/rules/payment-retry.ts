import { toIsoDate, type IsoDateTime } from '../dates';
import type { Change } from '../doc/change';
import { paymentFailed } from '../billing/payment-state';
import type { Charge } from '../billing/schemas';
import type { Subscription } from '../subscriptions/schema';
import { ACCEPT, refuse, type Judgement } from './judgement';

/**
 * "Pay now" and "Pay with another card" write the subscription's `paymentRetry`; the server tries
 * the failed charge again once per accepted value. These bounds keep a hostile client from making
 * the server call the processor in a loop: a value must be newer than the last by a minute, no
 * older than ten minutes and not ahead of the server's clock, so at most one try a minute.
 */
export const RETRY_SPACING_MS = 60_000;
export const RETRY_STALE_MS = 10 * 60_000;
export const CLOCK_SKEW_MS = 60_000;

/**
 * Why the purchaser cannot ask to pay again now, or undefined when they can (the commands' check).
 * `failed`: whether the device knows the payment failed (undefined: it does not know, the server judges).
 */
export function retryRefusal(failed: boolean | undefined, lastRetry: IsoDateTime | undefined, now: IsoDateTime): string | undefined {
  if (failed === false) return 'The payment of this subscription has not failed';
  if (lastRetry && Date.parse(now) - Date.parse(lastRetry) < RETRY_SPACING_MS) return 'The payment was just tried again; wait a minute before asking again';
  return undefined;
}

/**
 * The server's verdict on a change of `paymentRetry`. Taking it back or writing one ahead of the
 * server's clock is a lie (refused). A request the server will not act on (the payment has not
 * failed, or went through meanwhile; too soon after the last; asked offline long ago) is what an
 * honest device can merge: it is corrected back to the last value, with a notice, and bills nothing.
 */
export function judgePaymentRetry(before: Subscription, after: Subscription, charge: Charge | undefined, now: IsoDateTime): Judgement {
  const asked = after.paymentRetry;
  if (asked === before.paymentRetry) return ACCEPT;
  if (asked === undefined) return refuse(`subscriptions.${after.id}.paymentRetry: only moves forward`);
  const at = Date.parse(asked);
  const serverNow = Date.parse(now);
  if (at > serverNow + CLOCK_SKEW_MS) return refuse(`subscriptions.${after.id}.paymentRetry: ahead of the server's clock`);
  const why = !paymentFailed(charge)
    ? `The payment for ${after.productName} has not failed, so it was not tried again and nothing more was charged.`
    : before.paymentRetry && at - Date.parse(before.paymentRetry) < RETRY_SPACING_MS
      ? `The payment for ${after.productName} was just tried again; ask again in a minute.`
      : serverNow - at > RETRY_STALE_MS
        ? `You asked to pay for ${after.productName} again on ${toIsoDate(asked)} while offline; it was not tried. Ask again.`
        : undefined;
  if (!why) return ACCEPT;
  const back: Change = before.paymentRetry
    ? { op: 'put', collection: 'subscriptions', id: after.id, fields: { paymentRetry: before.paymentRetry } }
    : { op: 'unset', collection: 'subscriptions', id: after.id, field: 'paymentRetry' };
  return { ok: true, corrections: [back], notices: [{ subscriptionId: after.id, message: why }] };
}
