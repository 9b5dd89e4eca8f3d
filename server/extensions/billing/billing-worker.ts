import { randomUUID } from 'node:crypto';
import { invoiceCard, numberedInvoice, orgInvoiceNumber } from '../../../lib/billing/invoice';
import { Charge, PaymentMethod, type Invoice } from '../../../lib/billing/schemas';
import { toIsoDate } from '../../../lib/dates';
import { readEntity } from '../../../lib/doc/read';
import { formatMoney } from '../../../lib/money';
import { putBillingEntity, readBillingEntry } from '../../../lib/room/billing-doc';
import { readOrganization } from '../../../lib/room/org-doc';
import type { CardVault } from '../../payments/card-vault';
import type { PaymentProcessor } from '../../payments/processor';
import type { Rooms } from '../../rooms';
import type { UpdateStore } from '../../storage';
import { BILLING_QUEUE, BillingJob } from './billing-job';
import type { InvoiceSequence } from './invoice-sequence';

export const NO_TOKEN_MESSAGE = 'This card was added without the sync server, so it cannot be charged. Replace it while signed in.';

/** Outcomes a new card may still turn into a payment. */
export const RETRYABLE: ReadonlySet<Charge['status']> = new Set(['declined', 'no-payment-method']);

/**
 * Bills the outbox's open jobs, one at a time: charges the card through the payment processor
 * (asynchronous, idempotent by the job's key), then writes the numbered invoice and the charge
 * record into the purchaser's billing room and settles the job, in one commit. A crash before
 * that commit leaves the job open: it runs again after restart, the processor answers the same key
 * with the first outcome, and the invoice is written once. A crash after the invoice number was
 * taken skips that number (never reuses one).
 */
export class BillingWorker {
  private running: Promise<void> | undefined;
  private again = false;
  /** Jobs settled by a server write whose commit is still in flight: not billed again meanwhile. */
  private readonly settling = new Set<string>();

  constructor(
    private readonly rooms: Rooms,
    private readonly store: UpdateStore,
    private readonly sequence: InvoiceSequence,
    private readonly processor: PaymentProcessor,
    private readonly vault: CardVault,
    private readonly now: () => number,
  ) {}

  /** Bills what is open, now or right after the run under way. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => console.error('Billing failed; open jobs are tried again on the next change or restart:', error))
      .finally(() => {
        this.running = undefined;
        if (!this.again) return;
        this.again = false;
        this.kick();
      });
  }

  /** Settles once no run is under way. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const open = this.store.openJobsOf(BILLING_QUEUE);
    for (const key of this.settling) if (!open.some((job) => job.key === key)) this.settling.delete(key);
    for (const row of open) {
      if (this.settling.has(row.key)) continue;
      const job = BillingJob.safeParse(parseJson(row.data));
      if (job.success) await this.run(row.key, job.data);
      else {
        console.error(`Billing job ${row.key} is not a billing job; it is set aside.`);
        this.settle(row.key);
      }
    }
  }

  private async run(key: string, job: BillingJob): Promise<void> {
    const billing = this.rooms.open({ kind: 'billing', orgId: job.orgId, personId: job.personId });
    const existing = Charge.safeParse(readBillingEntry(billing.doc, 'charges', job.chargeKey));
    const isRetry = job.idempotencyKey !== job.chargeKey;
    if (existing.success && (!isRetry || !RETRYABLE.has(existing.data.status))) return this.settle(key);
    const purchaser = this.rooms.open({ kind: 'purchaser', orgId: job.orgId, personId: job.personId });
    const card = PaymentMethod.safeParse(readEntity(purchaser.doc, 'paymentMethods', job.paymentMethodId));
    const { charge, invoice } = await this.bill(job, card.success ? card.data : undefined);
    this.settling.add(key);
    this.rooms.write(
      billing,
      (doc) => {
        if (invoice) putBillingEntity(doc, 'invoices', invoice.id, invoice);
        putBillingEntity(doc, 'charges', job.chargeKey, charge);
      },
      [settleOp(key)],
    );
  }

  /** A job with nothing (more) to bill: settled on its own. */
  private settle(key: string): void {
    this.settling.add(key);
    this.rooms.commit([settleOp(key)]);
  }

  private async bill(job: BillingJob, card: PaymentMethod | undefined): Promise<{ charge: Charge; invoice?: Invoice }> {
    const at = new Date(this.now()).toISOString();
    const record = (status: Charge['status'], message: string, invoice?: Invoice) => ({
      charge: { subscriptionId: job.subscriptionId, changeKey: job.chargeKey, status, amount: job.total, currency: job.currency, message, at, ...(invoice ? { invoiceId: invoice.id } : {}) },
      invoice,
    });
    if (job.lines.length === 0) return record('nothing-due', 'Nothing to bill: the change falls on the last day of the term.');
    if (!card) return record('no-payment-method', 'The payment method of this subscription is missing. Replace it.');
    const invoice = () =>
      numberedInvoice(
        {
          id: randomUUID(),
          issuedOn: toIsoDate(at),
          periodStart: job.periodStart,
          periodEnd: job.periodEnd,
          billingProfileId: card.profileId,
          lines: job.lines,
          currency: job.currency,
          taxRateBps: job.taxRateBps,
          paidWith: invoiceCard(card),
        },
        orgInvoiceNumber(this.organizationName(job.orgId), this.sequence.next(job.orgId)),
      );
    // A credit moves no money in this simulation: it is an invoice with a negative total.
    if (job.total < 0) return record('credited', `Credited ${formatMoney(-job.total, job.currency)}.`, invoice());
    const token = card.cardRef ? this.vault.tokenFor(card.cardRef, job.orgId, job.personId) : undefined;
    if (!token) return record('no-payment-method', NO_TOKEN_MESSAGE);
    const outcome = await this.processor.charge({
      token,
      amount: job.total,
      currency: job.currency,
      idempotencyKey: job.idempotencyKey,
      description: job.lines.map((line) => line.description).join('; '),
    });
    if (!outcome.ok) return record('declined', outcome.message);
    return record('charged', `Charged ${formatMoney(job.total, job.currency)}.`, invoice());
  }

  private organizationName(orgId: string): string {
    return readOrganization(this.rooms.open({ kind: 'org', orgId }).doc)?.name ?? orgId;
  }
}

const settleOp = (key: string) => ({ op: 'settle', queue: BILLING_QUEUE, key }) as const;

/** A stored job's JSON, or undefined when it is not JSON (then the schema refuses it). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
