import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { chargeRequest, type ChargeRequest } from '../../lib/billing/charge-request';
import { numberedInvoice, orgInvoiceNumber } from '../../lib/billing/invoice';
import { PaymentMethod, type Charge, type Invoice } from '../../lib/billing/schemas';
import { toIsoDate } from '../../lib/dates';
import { readEntity } from '../../lib/doc/read';
import { formatMoney } from '../../lib/money';
import { Organization } from '../../lib/org/schemas';
import { Subscription } from '../../lib/subscriptions/schema';
import { putBillingEntity } from '../../lib/room/billing-doc';
import { licensesChangeKey } from '../../lib/room/change-key';
import type { PaymentProcessor } from '../payments/processor';
import type { AcceptedChange, Room, Rooms } from '../rooms';
import type { InvoiceSequence } from './invoice-sequence';

export const NO_TOKEN_MESSAGE = 'This card was added without the sync server, so it cannot be charged. Replace it while signed in.';

/**
 * The server's side of billing: for every subscription a purchaser's accepted update bought or
 * whose licenses it changed, prices the change with lib/billing, charges the subscription's card
 * through the payment processor, and writes the numbered invoice and a charge record into the
 * purchaser's billing room. Charges are keyed by `licensesChangeKey`, and the processor's
 * idempotency key is the same, so a change is billed once however often it arrives.
 */
export class BillingAuthority {
  constructor(
    private readonly rooms: Rooms,
    private readonly sequence: InvoiceSequence,
    private readonly processor: PaymentProcessor,
    private readonly now: () => number,
  ) {}

  /**
   * Only the subscriptions the update touched can have been bought or changed, and only their
   * values before and after are read: reading the whole purchaser state (twice) for every update
   * cost time in proportion to the purchaser's history. The billing room is opened only to bill.
   */
  accepted(room: Room, { touched, before }: AcceptedChange): void {
    if (room.ref.kind !== 'purchaser') return;
    const { orgId, personId } = room.ref;
    const ids = touched.get('subscriptions');
    if (!ids?.size) return;
    const previous = before.subscriptions ?? {};
    const now = new Date(this.now()).toISOString();
    let organization: { name: string; taxRateBps: number } | undefined;

    for (const id of ids) {
      const prior = previous[id];
      // Most edits (seats, renewal, cancellation) leave the licenses as they were: nothing to bill,
      // and nothing to parse (two zod parses of the subscription per edit showed in the load profile).
      if (prior !== undefined && licensesOf(prior) === currentLicenses(room.doc, id)) continue;
      const sub = Subscription.safeParse(readEntity(room.doc, 'subscriptions', id));
      if (!sub.success) continue;
      const priorSub = Subscription.safeParse(prior);
      // A subscription that was there but invalid (a half-merged edit) is no purchase: leave it be.
      if (prior !== undefined && !priorSub.success) continue;
      organization ??= this.organization(orgId);
      const request = chargeRequest(priorSub.success ? priorSub.data : undefined, sub.data, organization.taxRateBps, now);
      const changeKey = licensesChangeKey(room.doc, sub.data.id);
      if (!request || !changeKey) continue;
      const billing = this.rooms.open({ kind: 'billing', orgId, personId });
      if (billing.doc.getMap('charges').has(changeKey)) continue;
      const card = readEntity(room.doc, 'paymentMethods', sub.data.paymentMethodId);
      const { charge, invoice } = this.bill(request, changeKey, sub.data, card, orgId, organization, now);
      this.rooms.write(billing, (doc) => {
        if (invoice) putBillingEntity(doc, 'invoices', invoice.id, invoice);
        putBillingEntity(doc, 'charges', changeKey, charge);
      });
    }
  }

  /** Only the organization's own fields: parsing the whole org room (its directory) cost time in proportion to the organization's size. */
  private organization(orgId: string): { name: string; taxRateBps: number } {
    const org = Organization.safeParse(this.rooms.open({ kind: 'org', orgId }).doc.getMap('organization').toJSON());
    return org.success ? org.data : { name: orgId, taxRateBps: 0 };
  }

  private bill(
    request: ChargeRequest,
    changeKey: string,
    sub: Subscription,
    paymentMethod: unknown,
    orgId: string,
    organization: { name: string; taxRateBps: number },
    now: string,
  ): { charge: Charge; invoice?: Invoice } {
    const { total } = request.amounts;
    const record = (status: Charge['status'], message: string, invoice?: Invoice) => ({
      charge: { subscriptionId: sub.id, changeKey, status, amount: total, currency: sub.currency, message, at: now, ...(invoice ? { invoiceId: invoice.id } : {}) },
      invoice,
    });
    if (request.lines.length === 0) return record('nothing-due', 'Nothing to bill: the change falls on the last day of the term.');
    const card = PaymentMethod.safeParse(paymentMethod);
    if (!card.success) return record('no-payment-method', 'The payment method of this subscription is missing. Replace it.');
    const invoice = () =>
      numberedInvoice(
        {
          id: randomUUID(),
          issuedOn: toIsoDate(now),
          periodStart: request.periodStart,
          periodEnd: request.periodEnd,
          billingProfileId: card.data.profileId,
          lines: request.lines,
          currency: sub.currency,
          taxRateBps: organization.taxRateBps,
        },
        orgInvoiceNumber(organization.name, this.sequence.next(orgId)),
      );
    // A credit moves no money in this simulation: it is an invoice with a negative total.
    if (total < 0) return record('credited', `Credited ${formatMoney(-total, sub.currency)}.`, invoice());
    if (!card.data.processorToken) return record('no-payment-method', NO_TOKEN_MESSAGE);
    const outcome = this.processor.charge({
      token: card.data.processorToken,
      amount: total,
      currency: sub.currency,
      idempotencyKey: changeKey,
      description: request.lines.map((line) => line.description).join('; '),
    });
    if (!outcome.ok) return record('declined', outcome.message);
    return record('charged', `Charged ${formatMoney(total, sub.currency)}.`, invoice());
  }
}

const licensesOf = (entity: unknown) => (typeof entity === 'object' && entity !== null ? (entity as { licenses?: unknown }).licenses : undefined);

function currentLicenses(doc: Y.Doc, subscriptionId: string): unknown {
  const entity = doc.getMap<unknown>('subscriptions').get(subscriptionId);
  return entity instanceof Y.Map ? entity.get('licenses') : undefined;
}
