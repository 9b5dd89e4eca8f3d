import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { chargeRequest, type ChargeRequest } from '../../lib/billing/charge-request';
import { numberedInvoice, orgInvoiceNumber } from '../../lib/billing/invoice';
import { PaymentMethod, type Charge, type Invoice } from '../../lib/billing/schemas';
import { toIsoDate } from '../../lib/dates';
import { readState } from '../../lib/doc/read';
import { formatMoney } from '../../lib/money';
import { Organization } from '../../lib/org/schemas';
import type { PurchaserState } from '../../lib/state';
import { Subscription } from '../../lib/subscriptions/schema';
import { putBillingEntity } from '../../lib/sync/billing-doc';
import { licensesChangeKey } from '../../lib/sync/change-key';
import type { PaymentProcessor } from '../payments/processor';
import type { Room, Rooms } from '../rooms';
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

  accepted(room: Room, before: Y.Doc): void {
    if (room.ref.kind !== 'purchaser') return;
    const { orgId, personId } = room.ref;
    const previous = readState(before).subscriptions as Record<string, unknown>;
    const state = readState(room.doc);
    const billing = this.rooms.open({ kind: 'billing', orgId, personId });
    const charges = billing.doc.getMap('charges');
    const now = new Date(this.now()).toISOString();
    // Only the organization's own fields: parsing the whole org room (its directory) on every
    // accepted update cost time in proportion to the organization's size.
    const org = Organization.safeParse(this.rooms.open({ kind: 'org', orgId }).doc.getMap('organization').toJSON());
    const organization = org.success ? org.data : { name: orgId, taxRateBps: 0 };

    for (const raw of Object.values(state.subscriptions)) {
      const sub = Subscription.safeParse(raw);
      if (!sub.success) continue;
      const prior = previous[sub.data.id];
      const priorSub = Subscription.safeParse(prior);
      // A subscription that was there but invalid (a half-merged edit) is no purchase: leave it be.
      if (prior !== undefined && !priorSub.success) continue;
      const request = chargeRequest(priorSub.success ? priorSub.data : undefined, sub.data, organization.taxRateBps, now);
      const changeKey = licensesChangeKey(room.doc, sub.data.id);
      if (!request || !changeKey || charges.has(changeKey)) continue;
      const { charge, invoice } = this.bill(request, changeKey, sub.data, state, orgId, organization, now);
      this.rooms.write(billing, (doc) => {
        if (invoice) putBillingEntity(doc, 'invoices', invoice.id, invoice);
        putBillingEntity(doc, 'charges', changeKey, charge);
      });
    }
  }

  private bill(
    request: ChargeRequest,
    changeKey: string,
    sub: Subscription,
    state: PurchaserState,
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
    const card = PaymentMethod.safeParse(state.paymentMethods[sub.paymentMethodId]);
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
