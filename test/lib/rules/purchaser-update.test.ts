import { describe, expect, it, vi } from 'vitest';
import type { PaymentMethod } from '../../../lib/billing/schemas';
import { demoOrg } from '../../../lib/org/demo';
import { orgViewOf } from '../../../lib/rules/org-view';
import { judgePurchaserUpdate, type PurchaserUpdateContext, type TouchedEntries } from '../../../lib/rules/purchaser-update';
import type { Subscription } from '../../../lib/subscriptions/schema';
import type { SupportRequest } from '../../../lib/support/schema';
import { NOW, seededState } from '../commands/fixture';
import { purchase } from './fixture';

const ACCEPTED = { ok: true, corrections: [], notices: [] };
const MY_CARD = 'card_Mine00000001';
const THEIR_CARD = 'card_Theirs000001';

function ctx(ownsCard: (cardRef: string) => boolean = (ref) => ref === MY_CARD, subscriptions: Subscription[] = []): PurchaserUpdateContext {
  return { org: orgViewOf(demoOrg()), purchaserId: 'person-01', now: NOW, ownsCard, subscriptions: () => subscriptions };
}

/** What `readTouched` hands the rules: the touched ids of each collection, and their entries before and after. */
function touchedOf(entries: Record<string, string[]>): Map<string, Set<string>> {
  return new Map(Object.entries(entries).map(([collection, ids]) => [collection, new Set(ids)]));
}

function entries(collection: string, values: readonly { id: string; [field: string]: unknown }[]): TouchedEntries {
  return { [collection]: Object.fromEntries(values.map((value) => [value.id, value])) };
}

function seededCard(): PaymentMethod {
  return seededState().paymentMethods['pm-visa']!;
}

function seededSub(id: string): Subscription {
  return seededState().subscriptions[id]!;
}


const request: SupportRequest = {
  id: 'req-1',
  subject: 'Invoice address',
  message: 'Please put our VAT number on the invoices.',
  email: 'maya.okafor@northwind.example',
  createdAt: '2026-03-15T11:00:00.000Z',
  status: 'queued',
};

describe('judgePurchaserUpdate', () => {
  it('accepts an update that touched nothing', () => {
    expect(judgePurchaserUpdate(new Map(), {}, {}, ctx())).toEqual(ACCEPTED);
  });

  describe('invoices', () => {
    it('refuses a new invoice, an edited one and a deleted one', () => {
      const invoice = seededState().invoices['inv-chat-1']!;
      const touched = touchedOf({ invoices: ['inv-chat-1'] });
      expect(judgePurchaserUpdate(touched, {}, entries('invoices', [invoice]), ctx())).toEqual({
        ok: false,
        refuse: 'invoices.inv-chat-1: invoices are issued by the server only',
      });
      expect(judgePurchaserUpdate(touched, entries('invoices', [invoice]), entries('invoices', [{ ...invoice, total: 0 }]), ctx())).toEqual({
        ok: false,
        refuse: 'invoices.inv-chat-1: invoices are issued by the server only',
      });
      expect(judgePurchaserUpdate(touched, entries('invoices', [invoice]), { invoices: {} }, ctx())).toEqual({
        ok: false,
        refuse: 'invoices.inv-chat-1: invoices are issued by the server only',
      });
    });
  });

  describe('fields no schema knows', () => {
    it('refuses a processor token riding along on a payment method', () => {
      const card = seededCard();
      const after = entries('paymentMethods', [{ ...card, processorToken: 'tok_visa_123' }]);
      expect(judgePurchaserUpdate(touchedOf({ paymentMethods: ['pm-visa'] }), entries('paymentMethods', [card]), after, ctx())).toEqual({
        ok: false,
        refuse: 'paymentMethods.pm-visa.processorToken: not a field of paymentMethods',
      });
    });

    it('refuses a processor token hidden inside a card’s address', () => {
      const card = seededCard();
      const after = entries('paymentMethods', [{ ...card, address: { ...card.address, processorToken: 'tok_visa_123' } }]);
      expect(judgePurchaserUpdate(touchedOf({ paymentMethods: ['pm-visa'] }), entries('paymentMethods', [card]), after, ctx())).toEqual({
        ok: false,
        refuse: 'paymentMethods.pm-visa.address.processorToken: not a field of paymentMethods',
      });
    });

    it('refuses a note on a subscription', () => {
      const sub = seededSub('sub-chat');
      const after = entries('subscriptions', [{ ...sub, note: 'free forever' }]);
      expect(judgePurchaserUpdate(touchedOf({ subscriptions: ['sub-chat'] }), entries('subscriptions', [sub]), after, ctx())).toEqual({
        ok: false,
        refuse: 'subscriptions.sub-chat.note: not a field of subscriptions',
      });
    });

    it('refuses an unknown field on a billing profile', () => {
      const profile = seededState().billingProfiles['bp-main']!;
      const after = entries('billingProfiles', [{ ...profile, creditLimit: 1_000_000 }]);
      expect(judgePurchaserUpdate(touchedOf({ billingProfiles: ['bp-main'] }), entries('billingProfiles', [profile]), after, ctx())).toEqual({
        ok: false,
        refuse: 'billingProfiles.bp-main.creditLimit: not a field of billingProfiles',
      });
    });

    it('accepts known fields of every collection a purchaser writes', () => {
      const state = seededState();
      const touched = touchedOf({ billingAccounts: ['ba-northwind'], billingProfiles: ['bp-main'], paymentMethods: ['pm-visa'], supportRequests: ['req-1'] });
      const before: TouchedEntries = {
        billingAccounts: { 'ba-northwind': state.billingAccounts['ba-northwind'] },
        billingProfiles: { 'bp-main': state.billingProfiles['bp-main'] },
        paymentMethods: { 'pm-visa': state.paymentMethods['pm-visa'] },
        supportRequests: {},
      };
      const after: TouchedEntries = {
        billingAccounts: { 'ba-northwind': { ...state.billingAccounts['ba-northwind']!, name: 'Northwind Labs Inc.' } },
        billingProfiles: { 'bp-main': { ...state.billingProfiles['bp-main']!, invoiceEmail: 'ap@northwind.example' } },
        paymentMethods: { 'pm-visa': { ...state.paymentMethods['pm-visa']!, nameOnCard: 'M. Okafor' } },
        supportRequests: { 'req-1': request },
      };
      // A new support request is accepted by being received (see 'support requests').
      expect(judgePurchaserUpdate(touched, before, after, ctx())).toEqual({
        ok: true,
        corrections: [{ op: 'put', collection: 'supportRequests', id: 'req-1', fields: { status: 'received', receivedAt: NOW } }],
        notices: [],
      });
    });
  });

  describe('payment methods', () => {
    const touched = touchedOf({ paymentMethods: ['pm-visa'] });

    it('refuses a card reference issued to someone else', () => {
      const card = seededCard();
      const ownsCard = vi.fn((ref: string) => ref === MY_CARD);
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [card]), entries('paymentMethods', [{ ...card, cardRef: THEIR_CARD }]), ctx(ownsCard))).toEqual({
        ok: false,
        refuse: 'paymentMethods.pm-visa.cardRef: not a card you added',
      });
      expect(ownsCard).toHaveBeenCalledWith(THEIR_CARD);
    });

    it('refuses a changed card reference issued to someone else', () => {
      const card = { ...seededCard(), cardRef: MY_CARD };
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [card]), entries('paymentMethods', [{ ...card, cardRef: THEIR_CARD }]), ctx())).toEqual({
        ok: false,
        refuse: 'paymentMethods.pm-visa.cardRef: not a card you added',
      });
    });

    it('accepts a card reference the purchaser added, on a new card and on a replaced one', () => {
      const ownsCard = vi.fn((ref: string) => ref === MY_CARD);
      const card = seededCard();
      const newCard = { ...card, id: 'pm-new', cardRef: MY_CARD };
      expect(judgePurchaserUpdate(touchedOf({ paymentMethods: ['pm-new'] }), { paymentMethods: {} }, entries('paymentMethods', [newCard]), ctx(ownsCard))).toEqual(ACCEPTED);
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [card]), entries('paymentMethods', [{ ...card, cardRef: MY_CARD }]), ctx(ownsCard))).toEqual(ACCEPTED);
      expect(ownsCard).toHaveBeenCalledTimes(2);
    });

    it('does not ask again about a card reference that did not change', () => {
      const ownsCard = vi.fn(() => false);
      const card = { ...seededCard(), cardRef: MY_CARD };
      const edited = { ...card, nameOnCard: 'M. Okafor', expYear: 2030 };
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [card]), entries('paymentMethods', [edited]), ctx(ownsCard))).toEqual(ACCEPTED);
      expect(ownsCard).not.toHaveBeenCalled();
    });

    it('accepts a card without a reference, and a deleted card, without asking', () => {
      const ownsCard = vi.fn(() => false);
      const card = seededCard();
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [card]), entries('paymentMethods', [{ ...card, last4: '1111' }]), ctx(ownsCard))).toEqual(ACCEPTED);
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [{ ...card, cardRef: THEIR_CARD }]), { paymentMethods: {} }, ctx(ownsCard))).toEqual(ACCEPTED);
      expect(ownsCard).not.toHaveBeenCalled();
    });

    it('puts back a removed card that still pays a running subscription, with a notice', () => {
      const card = { ...seededCard(), cardRef: MY_CARD };
      const running = Object.values(seededState().subscriptions);
      expect(judgePurchaserUpdate(touched, entries('paymentMethods', [card]), { paymentMethods: {} }, ctx(undefined, running))).toEqual({
        ok: true,
        corrections: [{ op: 'put', collection: 'paymentMethods', id: 'pm-visa', fields: card }],
        notices: [{ message: 'Visa ending 4242 still pays Contoso Chat, Litware Notes, Fabrikam Design Studio and Tailspin Whiteboard, so it was kept. Replace it with another card to stop using it.' }],
      });
    });
  });

  describe('support requests', () => {
    const touched = touchedOf({ supportRequests: ['req-1'] });
    const received = { ok: true, corrections: [{ op: 'put', collection: 'supportRequests', id: 'req-1', fields: { status: 'received', receivedAt: NOW } }], notices: [] };

    it('receives a new queued request: corrected to received at the server’s clock', () => {
      expect(judgePurchaserUpdate(touched, { supportRequests: {} }, entries('supportRequests', [request]), ctx())).toEqual(received);
    });

    it('refuses a request the purchaser marks received, new or queued before', () => {
      const marked = { ...request, status: 'received', receivedAt: NOW };
      expect(judgePurchaserUpdate(touched, { supportRequests: {} }, entries('supportRequests', [marked]), ctx())).toEqual({
        ok: false,
        refuse: 'supportRequests.req-1.status: only the server receives a request',
      });
      expect(judgePurchaserUpdate(touched, entries('supportRequests', [request]), entries('supportRequests', [marked]), ctx())).toEqual({
        ok: false,
        refuse: 'supportRequests.req-1.status: set by the server only',
      });
    });

    it('accepts a request the server had already received, unchanged', () => {
      const marked = { ...request, status: 'received', receivedAt: NOW };
      expect(judgePurchaserUpdate(touched, entries('supportRequests', [marked]), entries('supportRequests', [marked]), ctx())).toEqual(ACCEPTED);
    });
  });

  describe('subscriptions', () => {
    it('combines the corrections and notices of two subscriptions', () => {
      const touched = touchedOf({ subscriptions: ['sub-a', 'sub-chat'] });
      const chat = seededSub('sub-chat');
      const before: TouchedEntries = { subscriptions: { 'sub-chat': chat } };
      const after: TouchedEntries = { subscriptions: { 'sub-a': purchase({ id: 'sub-a', unitPrice: 1 }), 'sub-chat': { ...chat, licenses: 600 } } };
      expect(judgePurchaserUpdate(touched, before, after, ctx())).toEqual({
        ok: true,
        corrections: [
          { op: 'put', collection: 'subscriptions', id: 'sub-a', fields: { unitPrice: 1250 } },
          { op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 500 } },
        ],
        notices: [
          { subscriptionId: 'sub-a', message: 'Contoso Chat costs $12.50 per license per month now; that is the price of your purchase.' },
          { subscriptionId: 'sub-chat', message: 'Contoso Chat can have at most 500 licenses, so it has 500 licenses, not 600. You are billed for 500.' },
        ],
      });
    });

    it('combines corrections across collections with the accepted rest', () => {
      const card = seededCard();
      const touched = touchedOf({ paymentMethods: ['pm-visa'], subscriptions: ['sub-a'] });
      const before: TouchedEntries = { paymentMethods: { 'pm-visa': card }, subscriptions: {} };
      const after: TouchedEntries = { paymentMethods: { 'pm-visa': { ...card, cardRef: MY_CARD } }, subscriptions: { 'sub-a': purchase({ id: 'sub-a', productId: 'prod-mail', productName: 'Woodgrove Secure Mail' }) } };
      expect(judgePurchaserUpdate(touched, before, after, ctx())).toEqual({
        ok: true,
        corrections: [{ op: 'remove', collection: 'subscriptions', id: 'sub-a' }],
        notices: [{ subscriptionId: 'sub-a', message: 'Woodgrove Secure Mail can no longer be bought here; your purchase was not made and nothing was charged.' }],
      });
    });

    it('refuses the whole update for one refusal, even with corrections elsewhere', () => {
      const touched = touchedOf({ subscriptions: ['sub-a', 'sub-b'] });
      const after: TouchedEntries = { subscriptions: { 'sub-a': purchase({ id: 'sub-a', unitPrice: 1 }), 'sub-b': purchase({ id: 'sub-b', status: 'expired' }) } };
      expect(judgePurchaserUpdate(touched, { subscriptions: {} }, after, ctx())).toEqual({
        ok: false,
        refuse: 'subscriptions.sub-b.status: only the server lets a subscription expire',
      });
    });

    it('reports the first refusal', () => {
      const chat = seededSub('sub-chat');
      const touched = touchedOf({ subscriptions: ['sub-chat', 'sub-b'], invoices: ['inv-chat-1'] });
      const before: TouchedEntries = { subscriptions: { 'sub-chat': chat }, invoices: {} };
      const after: TouchedEntries = {
        subscriptions: { 'sub-chat': { ...chat, unitPrice: 1 }, 'sub-b': purchase({ id: 'sub-b', purchaserId: 'person-02' }) },
        invoices: { 'inv-chat-1': seededState().invoices['inv-chat-1'] },
      };
      expect(judgePurchaserUpdate(touched, before, after, ctx())).toEqual({ ok: false, refuse: 'subscriptions.sub-chat.unitPrice: set by the server only' });
      const invoicesFirst = touchedOf({ invoices: ['inv-chat-1'], subscriptions: ['sub-chat', 'sub-b'] });
      expect(judgePurchaserUpdate(invoicesFirst, before, after, ctx())).toEqual({ ok: false, refuse: 'invoices.inv-chat-1: invoices are issued by the server only' });
    });

    it('accepts a deleted subscription bought within 7 days (an undone purchase), and puts back an older one', () => {
      const recent = purchase();
      expect(judgePurchaserUpdate(touchedOf({ subscriptions: ['sub-new'] }), entries('subscriptions', [recent]), { subscriptions: {} }, ctx())).toEqual(ACCEPTED);
      const chat = seededSub('sub-chat');
      const judgement = judgePurchaserUpdate(touchedOf({ subscriptions: ['sub-chat'] }), entries('subscriptions', [chat]), { subscriptions: {} }, ctx());
      expect(judgement).toMatchObject({ ok: true, corrections: [{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: chat.licenses, assigned: chat.assigned } }] });
    });
  });
});
