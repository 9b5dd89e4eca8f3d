import * as z from 'zod/mini';
import { IsoDate, IsoDateTime } from '../schemas/dates';
import { Currency, MinorUnits } from '../schemas/money';
import { Id, Term } from '../org/schemas';

export const SubscriptionStatus = z.enum(['active', 'canceled', 'expired']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

export const CancelReason = z.enum([
  'too_expensive',
  'missing_features',
  'switched_product',
  'no_longer_needed',
  'other',
]);
export type CancelReason = z.infer<typeof CancelReason>;

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  too_expensive: 'Too expensive',
  missing_features: 'Missing features I need',
  switched_product: 'Switched to another product',
  no_longer_needed: 'No longer needed',
  other: 'Other',
};

export const Cancellation = z.object({
  reason: CancelReason,
  feedback: z.string().check(z.maxLength(1000, 'Feedback can be at most 1,000 characters')),
  canceledAt: IsoDateTime,
});
export type Cancellation = z.infer<typeof Cancellation>;

export const Subscription = z.object({
  id: Id,
  productId: Id,
  productName: z.string(),
  purchaserId: Id,
  licenses: z.int().check(z.gte(1)),
  /** personId → when the license was assigned. A map, so concurrent assignments merge. */
  assigned: z.record(z.string(), IsoDateTime),
  term: Term,
  status: SubscriptionStatus,
  startedOn: IsoDate,
  /** End of the current period: the renewal date when active, the expiry date when canceled. */
  renewsOn: IsoDate,
  /** Per license per term, in minor units. */
  unitPrice: MinorUnits,
  currency: Currency,
  paymentMethodId: Id,
  cancellation: z.optional(Cancellation),
  /** When the purchaser last asked to pay a failed charge again (Pay now, Pay with another card). */
  paymentRetry: z.optional(IsoDateTime),
});
export type Subscription = z.infer<typeof Subscription>;
