import { BRAND_LABELS } from '../billing/card';
import type { PaymentMethod } from '../billing/schemas';
import type { IsoDateTime } from '../dates';
import type { Subscription } from '../subscriptions/schema';
import { effectiveStatus } from '../subscriptions/status';
import { ACCEPT, type Judgement } from './judgement';

type Card = Pick<PaymentMethod, 'id' | 'brand' | 'last4'>;

/**
 * The running subscriptions the card pays: active, or canceled but not yet expired (they may be
 * reactivated and have licenses added). While there is one, the card cannot be removed.
 */
export function subscriptionsPaidBy(paymentMethodId: string, subscriptions: Iterable<Subscription>, now: IsoDateTime): Subscription[] {
  return [...subscriptions].filter((sub) => sub.paymentMethodId === paymentMethodId && effectiveStatus(sub, now) !== 'expired');
}

function names(subscriptions: readonly Subscription[]): string {
  const all = [...new Set(subscriptions.map((sub) => sub.productName))];
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? '');
}

/** Why the card cannot be removed now, naming what it pays; undefined when it can. */
export function cardRemovalRefusal(card: Card, subscriptions: Iterable<Subscription>, now: IsoDateTime): string | undefined {
  const paid = subscriptionsPaidBy(card.id, subscriptions, now);
  if (!paid.length) return undefined;
  return `${BRAND_LABELS[card.brand]} ending ${card.last4} pays ${names(paid)}, so it cannot be removed. Replace it with another card instead; they keep working.`;
}

/**
 * The server's verdict on a card's removal (`before`: the card as it was). A card that still pays a
 * running subscription is put back: an honest device can remove it offline while another one buys
 * with it, and the subscription must stay chargeable. Removing a card nothing runs on is fine.
 */
export function judgeCardRemoval(before: PaymentMethod | undefined, subscriptions: Iterable<Subscription>, now: IsoDateTime): Judgement {
  if (!before) return ACCEPT;
  const paid = subscriptionsPaidBy(before.id, subscriptions, now);
  if (!paid.length) return ACCEPT;
  return {
    ok: true,
    corrections: [{ op: 'put', collection: 'paymentMethods', id: before.id, fields: { ...before } }],
    notices: [{ message: `${BRAND_LABELS[before.brand]} ending ${before.last4} still pays ${names(paid)}, so it was kept. Replace it with another card to stop using it.` }],
  };
}
