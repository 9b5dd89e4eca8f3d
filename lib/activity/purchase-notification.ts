import * as z from 'zod/mini';
import { formatDay } from '../dates';
import { formatMoney } from '../money';
import { Id } from '../org/schemas';
import { IsoDateTime } from '../schemas/dates';
import { CANCEL_REASON_LABELS, type Subscription } from '../subscriptions/schema';
import { plural } from '../text/plural';

/** What admins are told as it happens: a purchase, a license change or a cancellation, in one sentence with its price. */
export const PurchaseNotification = z.object({
  at: IsoDateTime,
  purchaserId: Id,
  subscriptionId: Id,
  productId: Id,
  kind: z.enum(['purchase', 'licenses', 'cancellation']),
  message: z.string(),
});
export type PurchaseNotification = z.infer<typeof PurchaseNotification>;

const per = (sub: Subscription) => (sub.term === 'annual' ? 'year' : 'month');
const price = (sub: Subscription) => `${formatMoney(sub.unitPrice * sub.licenses, sub.currency)} / ${per(sub)}`;

/**
 * The notification of one subscription's accepted change, as stored (corrections included), or
 * undefined when the change is none of the three: "Maya Okafor bought 10 licenses of Contoso Chat —
 * $12,000.00 / year".
 */
export function purchaseNotification(before: Subscription | undefined, after: Subscription | undefined, purchaserName: string, at: string): PurchaseNotification | undefined {
  if (!after) return undefined;
  const base = { at, purchaserId: after.purchaserId, subscriptionId: after.id, productId: after.productId };
  if (!before) return { ...base, kind: 'purchase', message: `${purchaserName} bought ${plural(after.licenses, 'license')} of ${after.productName} — ${price(after)}` };
  if (before.status === 'active' && after.status === 'canceled') {
    const reason = after.cancellation ? ` (${CANCEL_REASON_LABELS[after.cancellation.reason]})` : '';
    return { ...base, kind: 'cancellation', message: `${purchaserName} canceled ${after.productName}${reason} — it ends on ${formatDay(after.renewsOn)}` };
  }
  if (before.licenses !== after.licenses) {
    const verb = after.licenses > before.licenses ? 'added' : 'removed';
    return { ...base, kind: 'licenses', message: `${purchaserName} ${verb} ${plural(Math.abs(after.licenses - before.licenses), 'license')} of ${after.productName}, now ${after.licenses} — ${price(after)}` };
  }
  return undefined;
}
