import * as z from 'zod/mini';
import { chargeRequest } from '../../../lib/billing/charge-request';
import { InvoiceLine, PaymentMethod } from '../../../lib/billing/schemas';
import { IsoDate, IsoDateTime } from '../../../lib/schemas/dates';
import { Currency, MinorUnits } from '../../../lib/schemas/money';
import { Subscription } from '../../../lib/subscriptions/schema';
import { licensesChangeKey } from '../../../lib/room/change-key';
import type { Room } from '../../rooms';

/** The outbox queue billing jobs go to. */
export const BILLING_QUEUE = 'billing';

/**
 * One purchase or license change to bill, stored in the outbox in the same transaction as the
 * change itself and billed after it. Read back from storage, so validated like any stored record.
 */
export const BillingJob = z.object({
  orgId: z.string(),
  personId: z.string(),
  subscriptionId: z.string(),
  /** The charge record this job writes: the change's `licensesChangeKey`. */
  chargeKey: z.string(),
  /** Sent to the processor: the same key never charges twice. A retry with a new card gets a new one. */
  idempotencyKey: z.string(),
  kind: z.enum(['purchase', 'licenses']),
  lines: z.array(InvoiceLine),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  subtotal: MinorUnits,
  tax: MinorUnits,
  total: MinorUnits,
  currency: Currency,
  taxRateBps: z.int(),
  paymentMethodId: z.string(),
  /** For a purchaser's "pay again": the subscription's `paymentRetry` it answers. */
  retryOf: z.optional(IsoDateTime),
});
export type BillingJob = z.infer<typeof BillingJob>;

/**
 * Money given back for a subscription: `refund`, everything paid (an undone purchase), or
 * `refund-unused`, the unused part (a cancellation within the refund window), counted from the day
 * the server accepted it. The amounts are worked out when the job runs, from the billing room, so a
 * purchase job still open (it runs first) is refunded too. Keyed by subscription and kind: once only.
 */
export const RefundJob = z.object({
  orgId: z.string(),
  personId: z.string(),
  subscriptionId: z.string(),
  chargeKey: z.string(),
  idempotencyKey: z.string(),
  kind: z.enum(['refund', 'refund-unused']),
  productName: z.string(),
  licenses: z.int(),
  currency: Currency,
  taxRateBps: z.int(),
  acceptedAt: IsoDateTime,
});
export type RefundJob = z.infer<typeof RefundJob>;

/** Anything stored in the billing queue. */
export const StoredJob = z.union([BillingJob, RefundJob]);

export function refundJob(room: Room, sub: Subscription, kind: RefundJob['kind'], taxRateBps: number, acceptedAt: string): RefundJob | undefined {
  if (room.ref.kind !== 'purchaser') return undefined;
  const key = `${sub.id}~${kind}`;
  return { orgId: room.ref.orgId, personId: room.ref.personId, subscriptionId: sub.id, chargeKey: key, idempotencyKey: key, kind, productName: sub.productName, licenses: sub.licenses, currency: sub.currency, taxRateBps, acceptedAt };
}

/**
 * The billing jobs of an accepted update of a purchaser room: one per subscription it bought or
 * whose licenses it changed, priced with lib/billing from the (corrected) values before and after,
 * at the server's clock. Keyed by the change, so a change is billed once however often it arrives.
 */
export function billingJobs(room: Room, before: Record<string, unknown>, after: Record<string, unknown>, taxRateOf: () => number, now: string): BillingJob[] {
  if (room.ref.kind !== 'purchaser') return [];
  const { orgId, personId } = room.ref;
  let taxRateBps: number | undefined;
  return Object.entries(after).flatMap(([id, value]): BillingJob[] => {
    // Most edits (seats, renewal, cancellation) leave the licenses as they were: nothing to bill,
    // and nothing to parse (two zod parses of the subscription per edit showed in the load profile).
    if (before[id] !== undefined && licensesOf(before[id]) === licensesOf(value)) return [];
    const sub = Subscription.safeParse(value);
    if (!sub.success) return [];
    const prior = before[id] === undefined ? undefined : Subscription.safeParse(before[id]);
    // A subscription that was there but invalid is no purchase: leave it be.
    if (prior && !prior.success) return [];
    taxRateBps ??= taxRateOf();
    const request = chargeRequest(prior?.data, sub.data, taxRateBps, now);
    const changeKey = licensesChangeKey(room.doc, id);
    if (!request || !changeKey) return [];
    return [{
      orgId,
      personId,
      subscriptionId: id,
      chargeKey: changeKey,
      idempotencyKey: changeKey,
      kind: request.kind,
      lines: request.lines,
      periodStart: request.periodStart,
      periodEnd: request.periodEnd,
      ...request.amounts,
      currency: sub.data.currency,
      taxRateBps,
      paymentMethodId: sub.data.paymentMethodId,
    }];
  });
}

const licensesOf = (entity: unknown) => (typeof entity === 'object' && entity !== null ? (entity as { licenses?: unknown }).licenses : undefined);

/** Whether an update replaced a card's reference: declined charges it pays for are tried again. */
export function replacedCards(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.entries(after).flatMap(([id, value]) => {
    const card = PaymentMethod.safeParse(value);
    const had = before[id] === undefined ? undefined : PaymentMethod.safeParse(before[id]);
    return card.success && card.data.cardRef && card.data.cardRef !== (had?.success ? had.data.cardRef : undefined) ? [id] : [];
  });
}
