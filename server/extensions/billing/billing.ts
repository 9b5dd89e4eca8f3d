import { paymentFailed } from '../../../lib/billing/payment-state';
import { Charge, PaymentMethod } from '../../../lib/billing/schemas';
import { readEntity } from '../../../lib/doc/read';
import { readBillingEntry } from '../../../lib/room/billing-doc';
import { currentCharge } from '../../../lib/room/current-charge';
import { readOrganization } from '../../../lib/room/org-doc';
import { withinRefundWindow } from '../../../lib/rules/refund-window';
import { Subscription } from '../../../lib/subscriptions/schema';
import type { Db } from '../../db';
import type { Extension } from '../../extension';
import type { CardVault } from '../../payments/card-vault';
import type { PaymentProcessor } from '../../payments/processor';
import type { Room, Rooms } from '../../rooms';
import type { LogOp, UpdateStore } from '../../storage';
import { BILLING_QUEUE, BillingJob, billingJobs, refundJob, replacedCards, type RefundJob } from './billing-job';
import { BillingWorker, RETRYABLE, parseJson } from './billing-worker';
import { InvoiceSequence } from './invoice-sequence';

export interface BillingDeps {
  db: Db;
  rooms: Rooms;
  store: UpdateStore;
  processor: PaymentProcessor;
  vault: CardVault;
  now: () => number;
}

/**
 * The server as billing authority. Every accepted purchase or license change puts a billing job
 * into the outbox in the same transaction as the change (`onAccept`); the worker bills it after
 * the commit (`afterStore`), and at start whatever a crash left open (`onListen`). A purchaser who
 * replaces the card of a declined or unpaid charge gets the charge tried again with the new card, and
 * so does one who asks to pay again (`paymentRetry`) or picks another card (`paymentMethodId`). An
 * undone purchase (within the refund window) is refunded or voided, a cancellation within the window
 * refunds the unused part: a refund job, in the same transaction.
 */
export function billing({ db, rooms, store, processor, vault, now }: BillingDeps): Extension & { idle(): Promise<void> } {
  const worker = new BillingWorker(rooms, store, new InvoiceSequence(db), processor, vault, now);

  const taxRateBps = (orgId: string) => readOrganization(rooms.open({ kind: 'org', orgId }).doc)?.taxRateBps ?? 0;

  /** The declined or unpaid charges of subscriptions paid by one of `cards`, as jobs with a new idempotency key. */
  function retries(orgId: string, personId: string, cards: readonly string[], after: Record<string, unknown>): BillingJob[] {
    const billing = rooms.open({ kind: 'billing', orgId, personId });
    return [...billing.doc.getMap('charges').keys()].flatMap((chargeKey): BillingJob[] => {
      const charge = Charge.safeParse(readBillingEntry(billing.doc, 'charges', chargeKey));
      if (!charge.success || !RETRYABLE.has(charge.data.status)) return [];
      const original = store.job(BILLING_QUEUE, chargeKey);
      const job = original ? BillingJob.safeParse(parseJson(original.data)) : undefined;
      if (!job?.success || !cards.includes(job.data.paymentMethodId)) return [];
      const cardRef = (after[job.data.paymentMethodId] as { cardRef?: string }).cardRef;
      const retryOf = (readEntity(rooms.open({ kind: 'purchaser', orgId, personId }).doc, 'subscriptions', job.data.subscriptionId) as { paymentRetry?: string } | undefined)?.paymentRetry;
      return [{ ...job.data, idempotencyKey: `${chargeKey}~${cardRef}`, ...(retryOf ? { retryOf } : {}) }];
    });
  }

  /**
   * A failed charge tried again because the purchaser asked (a new `paymentRetry`) or chose another
   * card: the job that made it, with the subscription's card now, keyed by card and request so each
   * accepted request is tried once (the rules allow one a minute).
   */
  function payAgain(room: Room, before: Record<string, unknown>, after: Record<string, unknown>): BillingJob[] {
    if (room.ref.kind !== 'purchaser') return [];
    const billingDoc = rooms.open({ kind: 'billing', orgId: room.ref.orgId, personId: room.ref.personId }).doc;
    return Object.entries(after).flatMap(([id, value]): BillingJob[] => {
      const had = before[id] as { paymentRetry?: unknown; paymentMethodId?: unknown } | undefined;
      const has = value as { paymentRetry?: unknown; paymentMethodId?: unknown } | undefined;
      if (!had || !has || (had.paymentRetry === has.paymentRetry && had.paymentMethodId === has.paymentMethodId)) return [];
      const sub = Subscription.safeParse(value);
      const charge = currentCharge(room.doc, billingDoc, id);
      if (!sub.success || !charge || !paymentFailed(charge)) return [];
      const original = store.job(BILLING_QUEUE, charge.changeKey);
      const job = original ? BillingJob.safeParse(parseJson(original.data)) : undefined;
      const card = PaymentMethod.safeParse(readEntity(room.doc, 'paymentMethods', sub.data.paymentMethodId));
      if (!job?.success || !card.success || !card.data.cardRef) return [];
      const { paymentRetry } = sub.data;
      return [{
        ...job.data,
        paymentMethodId: card.data.id,
        idempotencyKey: paymentRetry ? `${charge.changeKey}~${card.data.cardRef}~${paymentRetry}` : `${charge.changeKey}~${card.data.cardRef}`,
        ...(paymentRetry ? { retryOf: paymentRetry } : {}),
      }];
    });
  }

  /** Refund jobs: a subscription removed (the rules let only an undone purchase within the window go), or canceled within the window. */
  function moneyBack(room: Room, before: Record<string, unknown>, after: Record<string, unknown>, taxRate: () => number, at: string): RefundJob[] {
    return Object.entries(before).flatMap(([id, value]): RefundJob[] => {
      const now = after[id] as { status?: unknown } | undefined;
      const was = value as { status?: unknown } | undefined;
      if (now !== undefined && !(was?.status === 'active' && now.status === 'canceled')) return [];
      const prior = Subscription.safeParse(value);
      if (!prior.success) return [];
      if (now === undefined) return [refundJob(room, prior.data, 'refund', taxRate(), at) ?? []].flat();
      return withinRefundWindow(prior.data.startedOn, at) ? [refundJob(room, prior.data, 'refund-unused', taxRate(), at) ?? []].flat() : [];
    });
  }

  return {
    name: 'billing',
    onAccept({ room, before, after, now: at }): LogOp[] {
      if (room.ref.kind !== 'purchaser') return [];
      const { orgId, personId } = room.ref;
      const jobs: (BillingJob | RefundJob)[] = [];
      const iso = new Date(at).toISOString();
      if (after.subscriptions) jobs.push(...billingJobs(room, before.subscriptions ?? {}, after.subscriptions, () => taxRateBps(orgId), iso));
      if (after.subscriptions) jobs.push(...payAgain(room, before.subscriptions ?? {}, after.subscriptions));
      if (before.subscriptions) jobs.push(...moneyBack(room, before.subscriptions, after.subscriptions ?? {}, () => taxRateBps(orgId), iso));
      const cards = after.paymentMethods ? replacedCards(before.paymentMethods ?? {}, after.paymentMethods) : [];
      if (cards.length) jobs.push(...retries(orgId, personId, cards, after.paymentMethods!));
      return jobs.map((job) => ({ op: 'enqueue', queue: BILLING_QUEUE, key: job.idempotencyKey, data: JSON.stringify(job) }));
    },
    afterStore: () => worker.kick(),
    onListen: () => worker.kick(),
    onDestroy: () => worker.idle(),
    idle: () => worker.idle(),
  };
}
