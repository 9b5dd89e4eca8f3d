import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncService } from '../../extension/background/sync/sync-service';
import { amountsFor } from '../../lib/billing/invoice';
import { previewLicenseChange } from '../../lib/billing/price-preview';
import type { PaymentMethod } from '../../lib/billing/schemas';
import type { AddPaymentMethodInput, BuyInput } from '../../lib/commands/inputs';
import { applyChanges } from '../../lib/doc/apply';
import { BillingRoomState, readBillingRoom } from '../../lib/room/billing-doc';
import { licensesChangeKey } from '../../lib/room/change-key';
import { SummaryRoomState, readSummary } from '../../lib/room/summary';
import { unusedRefund } from '../../lib/billing/refund';
import type { Subscription } from '../../lib/subscriptions/schema';
import { DECLINED_CARD, SUCCEEDING_CARD } from '../../server/payments/simulated-processor';
import { until } from '../fixtures/until';
import { LIAM, MAYA, ORG, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type ServerProcess } from './harness';
import { nodeDevice } from './node-device';

/**
 * The server as billing authority, against a real server process: the extension's background in
 * Node buys and changes licenses, the server charges through the simulated processor and writes
 * numbered invoices and charge records into the billing room.
 */
const data = tempDataDir();
let server: ServerProcess;
const devices: SyncService[] = [];
const TAX_BPS = 825;
const CHAT_MONTHLY = 1250;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  for (const sync of devices) sync.stop();
  await server?.kill('SIGKILL');
  data.remove();
});

/** Cards added in this file, across Maya's devices. */
let cardsAdded = 0;

/** Maya's background, signed in. */
async function device() {
  const { db, store, sync, service, meta, synced } = await nodeDevice('maya');
  devices.push(sync);
  const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
  expect(await service.handle({ type: 'signIn', serverUrl: server.url, code })).toMatchObject({ ok: true });
  await synced(30_000);
  await until(async () => (await db.products.count()) > 0 && (await db.billingProfiles.count()) > 0, 'the catalog and the purchaser room');

  async function addCard(number: string): Promise<PaymentMethod> {
    const profileId = (await db.billingProfiles.toArray())[0]!.id;
    const input: AddPaymentMethodInput = {
      profileId,
      number,
      securityCode: '123',
      expMonth: 12,
      // Another expiry each time: the same card twice on one profile is refused.
      expYear: new Date().getUTCFullYear() + 2 + cardsAdded++,
      nameOnCard: 'Maya Okafor',
      address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
      makeDefault: false,
    };
    const before = new Set((await db.paymentMethods.toArray()).map((m) => m.id));
    expect(await service.handle({ type: 'command', name: 'addPaymentMethod', input })).toMatchObject({ ok: true });
    return (await db.paymentMethods.toArray()).find((m) => !before.has(m.id))!;
  }

  async function buy(paymentMethodId: string, licenses: number): Promise<Subscription> {
    const input: BuyInput = { productId: 'prod-chat', licenses, term: 'monthly', paymentMethodId };
    const before = new Set((await db.subscriptions.toArray()).map((s) => s.id));
    expect(await service.handle({ type: 'command', name: 'buy', input })).toMatchObject({ ok: true });
    return (await db.subscriptions.toArray()).find((s) => !before.has(s.id))!;
  }

  return { db, store, sync, service, meta, synced, addCard, buy };
}

/** The billing room as the server has it, read through a fresh connection. */
async function billingRoom(who = MAYA): Promise<BillingRoomState> {
  const client = await connectSynced(server.wsUrl, room.billing(who), await mint(data.dir, who));
  try {
    return BillingRoomState.parse(readBillingRoom(client.doc));
  } finally {
    client.destroy();
  }
}

async function chargeOf(key: string, who = MAYA) {
  await until(async () => (await billingRoom(who)).charges[key], `the charge ${key}`, 15_000);
  const state = await billingRoom(who);
  const charge = state.charges[key]!;
  return { charge, invoice: charge.invoiceId ? state.invoices[charge.invoiceId] : undefined };
}

const sequenceOf = (number: string) => Number(/^NL-(\d{6})$/.exec(number)?.[1]);

describe('the server bills purchases and license changes', () => {
  let maya: Awaited<ReturnType<typeof device>>;
  let chat: Subscription;
  let lastNumber = 0;

  beforeAll(async () => {
    maya = await device();
  });

  it('tokenizes a new card: the document keeps the processor token, brand, last 4 and expiry only', async () => {
    const card = await maya.addCard(SUCCEEDING_CARD);
    expect(card).toMatchObject({ brand: 'visa', last4: '4242', cardRef: expect.stringMatching(/^card_/) });
    expect(JSON.stringify(card)).not.toContain(SUCCEEDING_CARD);
  });

  it('charges a purchase and issues invoice NL-… with the total to the cent', async () => {
    const card = (await maya.db.paymentMethods.toArray()).find((m) => m.cardRef)!;
    chat = await maya.buy(card.id, 100);
    const { charge, invoice } = await chargeOf(licensesChangeKey(maya.store.doc, chat.id)!);
    const expected = amountsFor(CHAT_MONTHLY * 100, TAX_BPS);
    expect(charge).toMatchObject({ status: 'charged', subscriptionId: chat.id, amount: expected.total });
    expect(invoice).toMatchObject({ status: 'paid', subtotal: 125_000, tax: 10_313, total: 135_313, billingProfileId: card.profileId, taxRateBps: TAX_BPS });
    // The invoice records the card the server charged, for its PDF.
    expect(invoice!.paidWith).toEqual({ paymentMethodId: card.id, brand: card.brand, last4: card.last4 });
    expect(invoice!.lines[0]?.productName).toBe('Contoso Chat');
    expect(invoice!.number).toMatch(/^NL-\d{6}$/);
    lastNumber = sequenceOf(invoice!.number);
    // The device shows the server's invoice and no longer awaits it; it issued none itself.
    await until(async () => (await maya.db.invoices.get(invoice!.id))?.number === invoice!.number, 'the invoice on the device');
    await until(async () => !((await maya.db.meta.get('payments'))?.value as Record<string, unknown> | undefined)?.[chat.id], 'no payment notice');
    expect((await maya.db.invoices.toArray()).filter((i) => i.lines.some((l) => l.subscriptionId === chat.id))).toHaveLength(1);
  });

  it('prorates 100 → 105 licenses into the next invoice number', async () => {
    const before = (await maya.db.subscriptions.get(chat.id))!;
    expect(await maya.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: chat.id, total: 105 } })).toMatchObject({ ok: true });
    const { charge, invoice } = await chargeOf(licensesChangeKey(maya.store.doc, chat.id)!);
    const preview = previewLicenseChange(before, 105, TAX_BPS, new Date().toISOString());
    expect(charge).toMatchObject({ status: 'charged', amount: preview.today.total });
    expect(invoice).toMatchObject({ subtotal: preview.today.subtotal, tax: preview.today.tax, total: preview.today.total });
    expect(invoice!.lines[0]).toMatchObject({ quantity: 5, subscriptionId: chat.id });
    expect(sequenceOf(invoice!.number)).toBe(lastNumber + 1);
    lastNumber += 1;
  });

  it('bills nothing for a change that keeps the licenses, such as assigning a seat', async () => {
    const chargesBefore = Object.keys((await billingRoom()).charges).length;
    const personId = (await maya.db.people.toArray()).find((p) => !(p.id in (chat.assigned ?? {})))!.id;
    expect(await maya.service.handle({ type: 'command', name: 'assign', input: { subscriptionId: chat.id, personIds: [personId] } })).toMatchObject({ ok: true });
    await maya.synced(15_000);
    expect(Object.keys((await billingRoom()).charges)).toHaveLength(chargesBefore);
  });

  it("charges the demo's seeded Visa without asking for the card again", async () => {
    const seeded = (await maya.db.paymentMethods.get('pm-visa'))!;
    expect(seeded.cardRef).toMatch(/^card_/);
    const sub = await maya.buy(seeded.id, 2);
    const { charge, invoice } = await chargeOf(licensesChangeKey(maya.store.doc, sub.id)!);
    expect(charge).toMatchObject({ status: 'charged' });
    expect(sequenceOf(invoice!.number)).toBe(lastNumber + 1);
    lastNumber += 1;
  });

  it('records a declined card, issues no invoice, and shows the decline on the device', async () => {
    const card = await maya.addCard(DECLINED_CARD);
    const sub = await maya.buy(card.id, 3);
    const { charge, invoice } = await chargeOf(licensesChangeKey(maya.store.doc, sub.id)!);
    expect(charge).toMatchObject({ status: 'declined', message: 'Your card was declined.' });
    expect(invoice).toBeUndefined();
    await until(async () => ((await maya.db.meta.get('payments'))?.value as Record<string, { state: string }> | undefined)?.[sub.id]?.state === 'declined', 'the decline on the device');

    // Replacing the card tries the declined charge again with the new one, once.
    const replaced = await maya.service.handle({
      type: 'command',
      name: 'replacePaymentMethod',
      input: { paymentMethodId: card.id, number: SUCCEEDING_CARD, securityCode: '123', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, nameOnCard: 'Maya Okafor', address: card.address },
    });
    expect(replaced).toMatchObject({ ok: true });
    const key = licensesChangeKey(maya.store.doc, sub.id)!;
    await until(async () => (await chargeOf(key)).charge?.status === 'charged', 'the charge retried with the new card');
    const retried = await chargeOf(key);
    expect(retried.charge).toMatchObject({ status: 'charged', amount: amountsFor(CHAT_MONTHLY * 3, TAX_BPS).total });
    expect(retried.invoice).toMatchObject({ total: amountsFor(CHAT_MONTHLY * 3, TAX_BPS).total, status: 'paid' });
    expect(sequenceOf(retried.invoice!.number)).toBe(lastNumber + 1);
    lastNumber += 1;
    await until(async () => !((await maya.db.meta.get('payments'))?.value as Record<string, unknown> | undefined)?.[sub.id], 'the decline gone from the device');
  });

  it('refunds a purchase undone on the device with a credit invoice of exactly its total', async () => {
    const card = (await maya.db.paymentMethods.toArray()).find((m) => m.last4 === '4242' && m.cardRef)!;
    const sub = await maya.buy(card.id, 4);
    const bought = await chargeOf(licensesChangeKey(maya.store.doc, sub.id)!);
    lastNumber += 1;
    expect(await maya.service.handle({ type: 'undo' })).toMatchObject({ ok: true });
    const { charge, invoice } = await chargeOf(`${sub.id}~refund`);
    expect(charge).toMatchObject({ status: 'refunded', subscriptionId: sub.id, amount: -bought.invoice!.total });
    expect(invoice).toMatchObject({ status: 'credit', subtotal: -bought.invoice!.subtotal, tax: -bought.invoice!.tax, total: -bought.invoice!.total });
    expect(invoice!.lines).toEqual([{ description: 'Contoso Chat, refund: purchase undone', productName: 'Contoso Chat', subscriptionId: sub.id, quantity: 4, amount: -bought.invoice!.subtotal }]);
    expect(sequenceOf(invoice!.number)).toBe(lastNumber + 1);
    lastNumber += 1;
    await until(async () => (await maya.db.invoices.get(invoice!.id))?.status === 'credit', 'the credit on the device');
  });

  it('refunds the unused part of a purchase canceled within 7 days, and ends it today', async () => {
    const card = (await maya.db.paymentMethods.toArray()).find((m) => m.last4 === '4242' && m.cardRef)!;
    const sub = await maya.buy(card.id, 2);
    const bought = await chargeOf(licensesChangeKey(maya.store.doc, sub.id)!);
    lastNumber += 1;
    expect(await maya.service.handle({ type: 'command', name: 'cancel', input: { subscriptionId: sub.id, reason: 'other', feedback: '' } })).toMatchObject({ ok: true });
    const { charge, invoice } = await chargeOf(`${sub.id}~refund-unused`);
    const today = new Date().toISOString().slice(0, 10);
    const expected = unusedRefund([bought.invoice!], today, TAX_BPS);
    // Bought today: nothing of the term is used, so all of it comes back.
    expect(expected.total).toBe(-bought.invoice!.total);
    expect(charge).toMatchObject({ status: 'refunded', amount: expected.total });
    expect(invoice).toMatchObject({ status: 'credit', ...expected });
    lastNumber += 1;
    await until(async () => (await maya.db.subscriptions.get(sub.id))?.renewsOn === today, 'the subscription ending today on the device');
  });

  it('shows a declined purchase as failed to admins, and pays it with another card on request', async () => {
    const card = await maya.addCard(DECLINED_CARD);
    const sub = await maya.buy(card.id, 1);
    const key = licensesChangeKey(maya.store.doc, sub.id)!;
    await until(async () => (await chargeOf(key)).charge.status === 'declined', 'the decline');
    const admin = await connectSynced(server.wsUrl, room.summary(ORG), await mint(data.dir, { orgId: ORG, personId: 'person-it-admin', role: 'admin' }));
    const entry = () => SummaryRoomState.parse(readSummary(admin.doc)).entries[`${MAYA.personId}/${sub.id}`];
    try {
      await until(() => entry()?.paymentFailed === true, 'Payment failed in the summary');
      await until(async () => ((await maya.db.meta.get('payments'))?.value as Record<string, { state: string }>)?.[sub.id]?.state === 'declined', 'the decline on the device');
      const visa = (await maya.db.paymentMethods.get('pm-visa'))!;
      const asked = await maya.service.handle({ type: 'command', name: 'payWithCard', input: { subscriptionId: sub.id, paymentMethodId: visa.id } });
      expect(asked).toMatchObject({ ok: true, message: 'Trying the payment for Contoso Chat again with Visa ending 4242…' });
      await until(async () => (await chargeOf(key)).charge.status === 'charged', 'the charge with the Visa');
      expect((await chargeOf(key)).invoice).toMatchObject({ total: amountsFor(CHAT_MONTHLY, TAX_BPS).total, status: 'paid' });
      lastNumber += 1;
      await until(() => entry() !== undefined && entry()!.paymentFailed === undefined, 'the summary without Payment failed');
      await until(async () => !((await maya.db.meta.get('payments'))?.value as Record<string, unknown>)?.[sub.id], 'no payment notice on the device');
      // Asking again now that it is paid is refused on the device.
      expect(await maya.service.handle({ type: 'command', name: 'retryPayment', input: { subscriptionId: sub.id } })).toMatchObject({ ok: false });
    } finally {
      admin.destroy();
    }
  });

  it('Pay now tries a declined charge again with the same card, awaiting until it answers', async () => {
    const card = await maya.addCard(DECLINED_CARD);
    const sub = await maya.buy(card.id, 2);
    const key = licensesChangeKey(maya.store.doc, sub.id)!;
    await until(async () => ((await maya.db.meta.get('payments'))?.value as Record<string, { state: string }>)?.[sub.id]?.state === 'declined', 'the decline on the device');
    const asked = await maya.service.handle({ type: 'command', name: 'retryPayment', input: { subscriptionId: sub.id } });
    expect(asked).toMatchObject({ ok: true, message: 'Trying the payment for Contoso Chat again…' });
    const retry = (await maya.db.subscriptions.get(sub.id))!.paymentRetry!;
    await until(async () => (await chargeOf(key)).charge.retryOf === retry, 'the answer to Pay now');
    expect((await chargeOf(key)).charge).toMatchObject({ status: 'declined', message: 'Your card was declined.' });
    await until(async () => ((await maya.db.meta.get('payments'))?.value as Record<string, { state: string }>)?.[sub.id]?.state === 'declined', 'declined again on the device');
    // Asked again within the minute: refused on the device, before anything reaches the server.
    expect(await maya.service.handle({ type: 'command', name: 'retryPayment', input: { subscriptionId: sub.id } })).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/wait a minute/) } });
  });

  it('gives a second purchaser of the same organization the next number', async () => {
    // Liam's room is written by a plain Yjs client: the server bills from the document, whoever wrote it.
    const token = await mint(data.dir, LIAM);
    const tokenized = await fetch(`${server.url}/api/payment-methods/tokenize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ number: '5555 5555 5555 4444', expMonth: 1, expYear: new Date().getUTCFullYear() + 1, securityCode: '321' }),
    }).then((r) => r.json() as Promise<{ cardRef: string; brand: string; last4: string }>);
    expect(tokenized).toMatchObject({ brand: 'mastercard', last4: '4444', cardRef: expect.stringMatching(/^card_/) });

    const client = await connectSynced(server.wsUrl, room.purchaser(LIAM), token);
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10)))).toISOString().slice(0, 10);
    applyChanges(
      client.doc,
      [
        { op: 'put', collection: 'billingAccounts', id: 'ba-liam', fields: { name: 'Liam', type: 'Personal' } },
        { op: 'put', collection: 'billingProfiles', id: 'bp-liam', fields: { accountId: 'ba-liam', name: 'Liam', invoiceEmail: 'liam@northwind.example' } },
        {
          op: 'put',
          collection: 'paymentMethods',
          id: 'pm-liam',
          fields: {
            profileId: 'bp-liam', brand: 'mastercard', last4: '4444', expMonth: 1, expYear: new Date().getUTCFullYear() + 1, nameOnCard: 'Liam Fischer',
            address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' }, updatedAt: now, cardRef: tokenized.cardRef,
          },
        },
        {
          op: 'put',
          collection: 'subscriptions',
          id: 'sub-liam',
          fields: {
            productId: 'prod-notes', productName: 'Litware Notes', purchaserId: LIAM.personId, licenses: 2, assigned: {}, term: 'monthly', status: 'active',
            startedOn: today, renewsOn: nextMonth, unitPrice: 600, currency: 'USD', paymentMethodId: 'pm-liam',
          },
        },
      ],
      null,
    );
    try {
      const { charge, invoice } = await chargeOf(licensesChangeKey(client.doc, 'sub-liam')!, LIAM);
      expect(charge).toMatchObject({ status: 'charged', amount: amountsFor(1200, TAX_BPS).total });
      expect(sequenceOf(invoice!.number)).toBe(lastNumber + 1);
      lastNumber += 1;
    } finally {
      client.destroy();
    }
  });

  it('after a restart bills nothing twice, and numbers on from where it was', async () => {
    const before = await billingRoom();
    const port = server.port;
    await server.kill('SIGTERM');
    await until(async () => (await maya.meta())?.state === 'offline', 'the device to notice the server is down');

    // Bought while the server is down: awaiting confirmation until the server has charged it.
    const card = (await maya.db.paymentMethods.toArray()).find((m) => m.last4 === '4242' && m.cardRef)!;
    const offline = await maya.buy(card.id, 7);
    expect(((await maya.db.meta.get('payments'))?.value as Record<string, unknown>)[offline.id]).toEqual({ state: 'awaiting', message: 'Awaiting confirmation' });

    server = await startServer(data.dir, { port });
    await maya.synced();
    const { charge, invoice } = await chargeOf(licensesChangeKey(maya.store.doc, offline.id)!);
    expect(charge).toMatchObject({ status: 'charged', amount: amountsFor(CHAT_MONTHLY * 7, TAX_BPS).total });
    expect(sequenceOf(invoice!.number)).toBe(lastNumber + 1);
    await until(async () => !((await maya.db.meta.get('payments'))?.value as Record<string, unknown>)[offline.id], 'the awaiting notice to go');
    await until(async () => (await maya.db.invoices.get(invoice!.id)) !== undefined, 'the invoice on the device');

    // Everything billed before the restart is billed once: only the offline purchase was added.
    const after = await billingRoom();
    expect(Object.keys(after.charges).sort()).toEqual([...Object.keys(before.charges), licensesChangeKey(maya.store.doc, offline.id)!].sort());
    expect(Object.keys(after.invoices)).toHaveLength(Object.keys(before.invoices).length + 1);
  }, 60_000);
});
