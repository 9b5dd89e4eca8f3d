import { Charge } from '../../../lib/billing/schemas';
import { readBillingEntry } from '../../../lib/room/billing-doc';
import { readOrganization } from '../../../lib/room/org-doc';
import type { Db } from '../../db';
import type { Extension } from '../../extension';
import type { CardVault } from '../../payments/card-vault';
import type { PaymentProcessor } from '../../payments/processor';
import type { Rooms } from '../../rooms';
import type { LogOp, UpdateStore } from '../../storage';
import { BILLING_QUEUE, BillingJob, billingJobs, replacedCards } from './billing-job';
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
 * replaces the card of a declined or unpaid charge gets the charge tried again with the new card.
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
      return [{ ...job.data, idempotencyKey: `${chargeKey}~${cardRef}` }];
    });
  }

  return {
    name: 'billing',
    onAccept({ room, before, after, now: at }): LogOp[] {
      if (room.ref.kind !== 'purchaser') return [];
      const { orgId, personId } = room.ref;
      const jobs: BillingJob[] = [];
      if (after.subscriptions) jobs.push(...billingJobs(room, before.subscriptions ?? {}, after.subscriptions, () => taxRateBps(orgId), new Date(at).toISOString()));
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
