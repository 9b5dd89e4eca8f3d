import { randomUUID } from 'node:crypto';
import { invoiceCard, numberedInvoice, orgInvoiceNumber, type Amounts } from '../../../lib/billing/invoice';
import { RETRYABLE } from '../../../lib/billing/payment-state';
import { fullRefund, unusedRefund } from '../../../lib/billing/refund';
import { Charge, Invoice, PaymentMethod } from '../../../lib/billing/schemas';
import { toIsoDate } from '../../../lib/dates';
import { readEntity } from '../../../lib/doc/read';
import { formatMoney } from '../../../lib/money';
import { putBillingEntity, readBillingEntry } from '../../../lib/room/billing-doc';
import { readOrganization } from '../../../lib/room/org-doc';
import type { CardVault } from '../../payments/card-vault';
import type { PaymentProcessor } from '../../payments/processor';
import type { Rooms } from '../../rooms';
import type { UpdateStore } from '../../storage';
import { BILLING_QUEUE, BillingJob, StoredJob, type RefundJob } from './billing-job';
import type { InvoiceSequence } from './invoice-sequence';

export const NO_TOKEN_MESSAGE = 'This card was added without the sync server, so it cannot be charged. Replace it while signed in.';

/** Outcomes a new card may still turn into a payment. */
export { RETRYABLE };

/** Outcomes that moved money, whose invoices a refund gives back (net). */
const PAID: ReadonlySet<Charge['status']> = new Set(['charged', 'credited', 'refunded']);

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
      const job = StoredJob.safeParse(parseJson(row.data));
      if (job.success && (job.data.kind === 'refund' || job.data.kind === 'refund-unused')) this.refund(row.key, job.data as RefundJob);
      else if (job.success) await this.run(row.key, job.data as BillingJob);
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

  /**
   * Gives back what the subscription's charges took (net of credits and earlier refunds), as a
   * credit invoice, and voids its charges never taken, so a declined card is not asked again. All
   * in one commit with the job's settlement: a crash before it runs the job again, after it the
   * job's own charge record makes it skip.
   */
  private refund(key: string, job: RefundJob): void {
    const billing = this.rooms.open({ kind: 'billing', orgId: job.orgId, personId: job.personId });
    if (Charge.safeParse(readBillingEntry(billing.doc, 'charges', job.chargeKey)).success) return this.settle(key);
    const charges = [...billing.doc.getMap('charges').keys()].flatMap((chargeKey) => {
      const charge = Charge.safeParse(readBillingEntry(billing.doc, 'charges', chargeKey));
      return charge.success && charge.data.subscriptionId === job.subscriptionId ? [{ chargeKey, charge: charge.data }] : [];
    });
    const paid = charges.flatMap(({ charge }) => {
      const invoice = charge.invoiceId && PAID.has(charge.status) ? Invoice.safeParse(readBillingEntry(billing.doc, 'invoices', charge.invoiceId)) : undefined;
      return invoice?.success ? [invoice.data] : [];
    });
    const today = toIsoDate(job.acceptedAt);
    const amounts = job.kind === 'refund' ? fullRefund(paid) : unusedRefund(paid, today, job.taxRateBps);
    const at = new Date(this.now()).toISOString();
    const invoice = amounts.total < 0 && paid.length ? this.creditInvoice(job, paid, amounts, at) : undefined;
    const charge: Charge = {
      subscriptionId: job.subscriptionId,
      changeKey: job.chargeKey,
      status: invoice ? 'refunded' : 'voided',
      amount: amounts.total,
      currency: job.currency,
      message: invoice ? `Refunded ${formatMoney(-amounts.total, job.currency)}.` : 'Nothing was paid, so nothing is refunded.',
      at,
      ...(invoice ? { invoiceId: invoice.id } : {}),
    };
    this.settling.add(key);
    this.rooms.write(
      billing,
      (doc) => {
        if (invoice) putBillingEntity(doc, 'invoices', invoice.id, invoice);
        putBillingEntity(doc, 'charges', job.chargeKey, charge);
        for (const unpaid of charges) {
          if (!RETRYABLE.has(unpaid.charge.status)) continue;
          putBillingEntity(doc, 'charges', unpaid.chargeKey, { ...unpaid.charge, status: 'voided', message: 'Voided: the purchase was taken back before it was paid; nothing is due.', at });
        }
      },
      [settleOp(key)],
    );
  }

  /** The credit invoice of a refund: one line naming the product, billed to the profile of the last paid invoice. */
  private creditInvoice(job: RefundJob, paid: readonly Invoice[], amounts: Amounts, at: string): Invoice {
    const last = paid.reduce((a, b) => (b.issuedOn > a.issuedOn ? b : a));
    const today = toIsoDate(at);
    return {
      id: randomUUID(),
      number: orgInvoiceNumber(this.organizationName(job.orgId), this.sequence.next(job.orgId)),
      issuedOn: today,
      periodStart: job.kind === 'refund' ? paid.reduce((a, b) => (b.periodStart < a ? b.periodStart : a), last.periodStart) : toIsoDate(job.acceptedAt),
      periodEnd: paid.reduce((a, b) => (b.periodEnd > a ? b.periodEnd : a), last.periodEnd),
      billingProfileId: last.billingProfileId,
      lines: [{ description: `${job.productName}, ${job.kind === 'refund' ? 'refund: purchase undone' : 'refund of the unused part: canceled'}`, productName: job.productName, subscriptionId: job.subscriptionId, quantity: job.licenses, amount: amounts.subtotal }],
      ...amounts,
      currency: job.currency,
      taxRateBps: job.taxRateBps,
      // Credited back to the card the last paid invoice was charged to.
      ...(last.paidWith ? { paidWith: last.paidWith } : {}),
      status: 'credit',
    };
  }

  /** A job with nothing (more) to bill: settled on its own. */
  private settle(key: string): void {
    this.settling.add(key);
    this.rooms.commit([settleOp(key)]);
  }

  private async bill(job: BillingJob, card: PaymentMethod | undefined): Promise<{ charge: Charge; invoice?: Invoice }> {
    const at = new Date(this.now()).toISOString();
    const record = (status: Charge['status'], message: string, invoice?: Invoice) => ({
      charge: { subscriptionId: job.subscriptionId, changeKey: job.chargeKey, status, amount: job.total, currency: job.currency, message, at, ...(invoice ? { invoiceId: invoice.id } : {}), ...(job.retryOf ? { retryOf: job.retryOf } : {}) },
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
