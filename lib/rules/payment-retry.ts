import { formatDay, toIsoDate, type IsoDateTime } from '../dates';
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
 * The server's verdict on a change of `paymentRetry`. One ahead of the server's clock is a lie
 * (refused). A request the server will not act on (the payment has not failed, or went through
 * meanwhile; too soon after the last; asked offline long ago; taken back by Undo, or older than the
 * last) is what an honest device can reach: it is corrected back to the last value, with a notice,
 * and bills nothing.
 */
export function judgePaymentRetry(before: Subscription, after: Subscription, charge: Charge | undefined, now: IsoDateTime): Judgement {
  const asked = after.paymentRetry;
  if (asked === before.paymentRetry) return ACCEPT;
  if (asked !== undefined && Date.parse(asked) > Date.parse(now) + CLOCK_SKEW_MS) return refuse(`subscriptions.${after.id}.paymentRetry: ahead of the server's clock`);
  const why = notRetried(after.productName, before.paymentRetry, asked, charge, now);
  if (!why) return ACCEPT;
  const back: Change = before.paymentRetry
    ? { op: 'put', collection: 'subscriptions', id: after.id, fields: { paymentRetry: before.paymentRetry } }
    : { op: 'unset', collection: 'subscriptions', id: after.id, field: 'paymentRetry' };
  return { ok: true, corrections: [back], notices: [{ subscriptionId: after.id, message: why }] };
}

/** Why a new `paymentRetry` is not acted on, in the purchaser's words, or undefined when it is. */
function notRetried(product: string, last: IsoDateTime | undefined, asked: IsoDateTime | undefined, charge: Charge | undefined, now: IsoDateTime): string | undefined {
  const since = (from: IsoDateTime, to: IsoDateTime) => Date.parse(to) - Date.parse(from);
  if (asked === undefined || (last && since(last, asked) <= 0)) return `A request to pay for ${product} again cannot be taken back.`;
  if (!paymentFailed(charge)) return `The payment for ${product} has not failed, so it was not tried again and nothing more was charged.`;
  if (last && since(last, asked) < RETRY_SPACING_MS) return `The payment for ${product} was just tried again; ask again in a minute.`;
  if (since(asked, now) > RETRY_STALE_MS) return `You asked to pay for ${product} again on ${formatDay(toIsoDate(asked))} while offline; it was not tried. Ask again.`;
  return undefined;
}
