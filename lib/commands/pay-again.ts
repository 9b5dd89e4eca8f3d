import { BRAND_LABELS, isExpired } from '../billing/card';
import type { PurchaserState } from '../state';
import type { Subscription } from '../subscriptions/schema';
import { retryRefusal } from '../rules/payment-retry';
import { PayWithCardInput, RetryPaymentInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** The failed-payment subscription a "pay again" is for, or why not. */
function failedSubscription(state: PurchaserState, subscriptionId: string, ctx: CommandContext): { sub: Subscription } | { refusal: string } {
  const sub = state.subscriptions[subscriptionId];
  if (!sub) return { refusal: 'This subscription no longer exists' };
  if (ctx.billing !== 'server') return { refusal: 'Payments are taken by the sync server; sign in to pay again' };
  const refusal = retryRefusal(ctx.paymentFailed?.(sub.id), sub.paymentRetry, ctx.now);
  return refusal ? { refusal } : { sub };
}

/** Pay now: the server tries the failed charge again with the same card once it accepts the new `paymentRetry`. */
export function retryPayment(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = RetryPaymentInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const found = failedSubscription(state, parsed.data.subscriptionId, ctx);
  if ('refusal' in found) return fail({ form: found.refusal });
  return {
    ok: true,
    changes: [{ op: 'put', collection: 'subscriptions', id: found.sub.id, fields: { paymentRetry: ctx.now } }],
    message: `Trying the payment for ${found.sub.productName} again…`,
  };
}

/** Pay with another card: the subscription is paid by that card from now on, and the failed charge is tried with it. */
export function payWithCard(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = PayWithCardInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const found = failedSubscription(state, parsed.data.subscriptionId, ctx);
  if ('refusal' in found) return fail({ form: found.refusal });
  const card = state.paymentMethods[parsed.data.paymentMethodId];
  if (!card) return fail({ paymentMethodId: 'This card no longer exists' });
  if (isExpired(card, ctx.now)) return fail({ paymentMethodId: 'This card has expired' });
  if (!card.cardRef) return fail({ paymentMethodId: 'This card was added without the sync server and cannot be charged' });
  return {
    ok: true,
    changes: [{ op: 'put', collection: 'subscriptions', id: found.sub.id, fields: { paymentMethodId: card.id, paymentRetry: ctx.now } }],
    message: `Trying the payment for ${found.sub.productName} again with ${BRAND_LABELS[card.brand]} ending ${card.last4}…`,
  };
}
