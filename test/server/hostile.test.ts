import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { amountsFor } from '../../lib/billing/invoice';
import { termLine } from '../../lib/billing/invoice-lines';
import type { Charge, Invoice } from '../../lib/billing/schemas';
import { previewLicenseChange } from '../../lib/billing/price-preview';
import { addMonths, formatDay, toIsoDate } from '../../lib/dates';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import { demoOrg } from '../../lib/org/demo';
import { demoSeed } from '../../lib/org/demo-seed';
import type { Product, Term } from '../../lib/org/schemas';
import { BillingRoomState, readBillingRoom } from '../../lib/room/billing-doc';
import { licensesChangeKey } from '../../lib/room/change-key';
import { encodeSyncUpdate, type Refusal } from '../../lib/room/messages';
import type { Collection } from '../../lib/state';
import type { Subscription } from '../../lib/subscriptions/schema';
import { TERM_MONTHS } from '../../lib/subscriptions/period';
import type { Who } from '../../server/auth';
import { openDb } from '../../server/db';
import { appendChange } from '../../server/room-log';
import { LIAM, MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectRefused, connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

/**
 * Hostile clients against one real server process: hand-written y-websocket clients holding real
 * purchaser tokens write what the extension's commands never would, one rule at a time. For each
 * the suite checks that the lie is refused (or the honest-looking merge corrected), that a fresh
 * admin reader and a live admin mirror never see the invalid value, that nothing is billed but the
 * catalog price, and that an honest client of the same purchaser keeps syncing.
 */
const data = tempDataDir();
let server: ServerProcess;

const DEMO = demoOrg();
const TAX_BPS = DEMO.organization.taxRateBps;
const CATALOG = new Map<string, Product>(DEMO.catalog.map((product) => [product.id, product]));
const product = (id: string) => CATALOG.get(id)!;

/** Liam's own card: an Amex, so that its 4-digit security code is a canary no room may contain. */
const LIAM_CARD = { number: '378282246310005', securityCode: '7391', brand: 'amex', last4: '0005' } as const;
const CARD_NUMBERS = ['4242424242424242', LIAM_CARD.number];

/** Admin mirrors connected for the whole file: every state of the purchaser rooms they ever saw. */
const mirrors = new Map<string, { client: Client; seen: Record<string, Record<string, unknown>>[] }>();
/** Admin readers of the billing rooms, connected for the whole file. */
const billingMirrors = new Map<string, Client>();
/** Clients opened by the current test, destroyed after it. */
const opened: Client[] = [];

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
  for (const who of [MAYA, LIAM]) {
    const client = await connectSynced(server.wsUrl, room.purchaser(who), await mint(data.dir, RILEY));
    const seen = [docJson(client.doc)];
    client.doc.on('update', () => seen.push(docJson(client.doc)));
    mirrors.set(who.personId, { client, seen });
    billingMirrors.set(who.personId, await connectSynced(server.wsUrl, room.billing(who), await mint(data.dir, RILEY)));
  }
});

afterEach(() => {
  for (const client of opened.splice(0)) client.destroy();
});

afterAll(async () => {
  for (const client of opened.splice(0)) client.destroy();
  for (const { client } of mirrors.values()) client.destroy();
  for (const client of billingMirrors.values()) client.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Every root of a document as plain JSON. */
function docJson(doc: Y.Doc): Record<string, Record<string, unknown>> {
  return Object.fromEntries([...doc.share.keys()].map((root) => [root, doc.getMap(root).toJSON() as Record<string, unknown>]));
}

/** A client of `name` with `as`'s real token, destroyed after the test. */
async function join(name: string, as: Who): Promise<Client> {
  const client = await connectSynced(server.wsUrl, name, await mint(data.dir, as));
  opened.push(client);
  return client;
}

/** The purchaser room as the admin console would first read it: a new connection with Riley's token. */
const freshAdminReader = (who: Who) => join(room.purchaser(who), RILEY);

function entity(client: Client, collection: string, id: string): Record<string, unknown> | undefined {
  const value = client.doc.getMap<unknown>(collection).get(id);
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : undefined;
}

const subscription = (client: Client, id: string) => entity(client, 'subscriptions', id);

/**
 * Writes `changes` from `client` in one transaction and waits for the server's verdict: the
 * refusal, or 'stored' once a MESSAGE_STORED covers the whole local document (the server's
 * corrections, sent before it, included).
 */
async function verdictOf(client: Client, changes: readonly Change[] | (() => void)): Promise<Refusal | 'stored'> {
  const refused = client.refused.length;
  const stored = client.stored.length;
  if (typeof changes === 'function') changes();
  else applyChanges(client.doc, changes, null);
  await until(
    () => client.refused.length > refused || (client.stored.length > stored && client.allStored()),
    'the server’s verdict',
    15_000,
    () => ({ refused: client.refused, closes: client.closes }),
  );
  return client.refused[refused] ?? 'stored';
}

/** Runs a read-only query on the server's SQLite file. */
function sql<T>(query: string, ...params: unknown[]): T[] {
  const db = openDb(data.dir);
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

const rowsOf = (name: string) => sql<{ n: number }>('SELECT count(*) AS n FROM updates WHERE room = ?', name)[0]!.n;

/** How much billing there is, everywhere: jobs in the outbox and charges made at the simulated processor. */
function billingMark() {
  return {
    jobs: sql<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE queue = 'billing'")[0]!.n,
    processorCharges: sql<{ n: number }>('SELECT count(*) AS n FROM simulated_charges')[0]!.n,
  };
}

/** The billing room of `who` as a fresh reader (the purchaser themself) gets it from the server. */
async function billingRoom(who: Who): Promise<BillingRoomState> {
  const client = await join(room.billing(who), who);
  return BillingRoomState.parse(readBillingRoom(client.doc));
}

/**
 * Nothing billed since `mark`: no job was queued, the processor charged nothing, and the billing
 * room holds no charge and no invoice line for `subscriptionId`.
 */
/** The demo's invoice history, which the server issued when it seeded the demo. */
const SEEDED_INVOICES = new Set(demoSeed(demoOrg(), new Date().toISOString()).invoices.map((invoice) => invoice.id));

async function expectNothingBilled(who: Who, mark: ReturnType<typeof billingMark>, subscriptionId: string, chargesBefore?: number): Promise<void> {
  expect(billingMark()).toEqual(mark);
  const state = await billingRoom(who);
  if (chargesBefore === undefined) {
    expect(Object.values(state.charges).filter((charge) => charge.subscriptionId === subscriptionId)).toEqual([]);
    expect(Object.values(state.invoices).filter((invoice) => !SEEDED_INVOICES.has(invoice.id) && invoice.lines.some((line) => line.subscriptionId === subscriptionId))).toEqual([]);
  } else expect(Object.values(state.charges).filter((charge) => charge.subscriptionId === subscriptionId)).toHaveLength(chargesBefore);
}

const chargesOf = async (who: Who, subscriptionId: string) => Object.values((await billingRoom(who)).charges).filter((charge) => charge.subscriptionId === subscriptionId).length;

/**
 * The purchase `subscriptionId` (as `writer` has it after the server's corrections) billed exactly
 * once, at the catalog price of `licenses` licenses plus tax, for the term starting `today`: the
 * charge record, the invoice and the processor's own record of the charge.
 */
async function expectBilledAtListPrice(who: Who, writer: Client, subscriptionId: string, spec: { productId: string; term: Term; licenses: number; today: string }) {
  const catalog = product(spec.productId);
  const key = licensesChangeKey(writer.doc, subscriptionId)!;
  expect(key).toBeDefined();
  const mirror = billingMirrors.get(who.personId)!;
  await until(() => mirror.doc.getMap('charges').has(key), `the charge ${key}`);
  const line = termLine({ id: subscriptionId, productName: catalog.name, term: spec.term, unitPrice: catalog.prices[spec.term] }, spec.licenses);
  const amounts = amountsFor(line.amount, TAX_BPS);
  const state = await billingRoom(who);
  const charge = state.charges[key]!;
  expect(charge).toMatchObject({ subscriptionId, status: 'charged', amount: amounts.total, currency: catalog.currency });
  const invoice: Invoice = state.invoices[charge.invoiceId!]!;
  expect(invoice).toMatchObject({
    lines: [line],
    ...amounts,
    currency: catalog.currency,
    status: 'paid',
    periodStart: spec.today,
    periodEnd: addMonths(spec.today, TERM_MONTHS[spec.term]),
  });
  expect(Object.values(state.charges).filter((c: Charge) => c.subscriptionId === subscriptionId)).toHaveLength(1);
  expect(Object.values(state.invoices).filter((i) => i.lines.some((l) => l.subscriptionId === subscriptionId))).toHaveLength(1);
  expect(sql('SELECT amount, currency FROM simulated_charges WHERE idempotency_key = ?', key)).toEqual([{ amount: amounts.total, currency: catalog.currency }]);
}

/**
 * The honest client of the same purchaser makes a valid change after the rogue's and gets
 * MESSAGE_STORED for it; `reader` (the admin's connection) receives it.
 */
async function expectStillSyncs(honest: Client, reader: Client, email = 'maya.okafor@northwind.example'): Promise<void> {
  const id = `sr-${randomUUID().slice(0, 8)}`;
  const verdict = await verdictOf(honest, [
    { op: 'put', collection: 'supportRequests', id, fields: { subject: 'Still syncing', message: 'A valid change after the hostile one.', email, createdAt: new Date().toISOString(), status: 'queued' } },
  ]);
  expect(verdict).toBe('stored');
  expect(honest.refused).toEqual([]);
  expect(honest.closes).toEqual([]);
  await until(() => reader.doc.getMap('supportRequests').has(id), 'the admin reader to see the honest change');
}

/** Whether the live admin mirror of `who`'s room ever saw a state matching `lie`. */
const mirrorEverSaw = (who: Who, lie: (state: Record<string, Record<string, unknown>>) => boolean) => mirrors.get(who.personId)!.seen.some(lie);
const subIn = (state: Record<string, Record<string, unknown>>, id: string) => state.subscriptions?.[id] as Record<string, unknown> | undefined;

const todayUtc = () => toIsoDate(new Date());

/** The fields of a new purchase by `who`, as the extension's buy command writes them, with `overrides` on top. */
function purchaseFields(who: Who, productId: string, term: Term, licenses: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const catalog = product(productId);
  const today = todayUtc();
  return {
    productId,
    productName: catalog.name,
    purchaserId: who.personId,
    licenses,
    assigned: {},
    term,
    status: 'active',
    startedOn: today,
    renewsOn: addMonths(today, TERM_MONTHS[term]),
    unitPrice: catalog.prices[term],
    currency: catalog.currency,
    paymentMethodId: 'pm-visa',
    ...overrides,
  };
}

function purchase(who: Who, id: string, productId: string, term: Term, licenses: number, overrides: Record<string, unknown> = {}): Change {
  return { op: 'put', collection: 'subscriptions', id, fields: purchaseFields(who, productId, term, licenses, overrides) };
}

/** The honest client, the rogue (both Maya's, or `who`'s) and the room's row count before the rogue writes. */
async function scene(who: Who = MAYA) {
  const honest = await join(room.purchaser(who), who);
  const rogue = await join(room.purchaser(who), who);
  return { honest, rogue, rows: rowsOf(room.purchaser(who)), mark: billingMark() };
}

function expectInvalid(verdict: Refusal | 'stored', message: string | RegExp): void {
  expect(verdict).toEqual({ code: 'invalid', message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) });
}

const CARD_FIELDS = (profileId: string, nameOnCard: string) => ({
  profileId,
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 2,
  nameOnCard,
  address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  updatedAt: new Date().toISOString(),
});

// ---------------------------------------------------------------------------------------------

describe('corrected purchases: the server decides price, name, dates and limits', () => {
  it('corrects a purchase at 1 cent per license to the catalog price, and bills the list price', async () => {
    const { honest, rogue, rows } = await scene();
    const today = todayUtc();
    const id = 'sub-one-cent';
    expect(await verdictOf(rogue, [purchase(MAYA, id, 'prod-notes', 'annual', 10, { unitPrice: 1 })])).toBe('stored');
    expect(rogue.refused).toEqual([]);
    expect(subscription(rogue, id)).toMatchObject({ unitPrice: product('prod-notes').prices.annual, licenses: 10 });

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, id)).toMatchObject({ unitPrice: 6_000, licenses: 10, productName: 'Litware Notes' });
    expect(mirrorEverSaw(MAYA, (state) => subIn(state, id)?.unitPrice === 1)).toBe(false);

    await expectBilledAtListPrice(MAYA, rogue, id, { productId: 'prod-notes', term: 'annual', licenses: 10, today });
    const notices = Object.values((await billingRoom(MAYA)).notices).filter((notice) => notice.subscriptionId === id);
    expect(notices).toEqual([expect.objectContaining({ message: expect.stringContaining('$60.00 per license per year') })]);

    await expectStillSyncs(honest, reader);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 2);
  });

  it('undoes a purchase of a product that is not self-service, says so in the notices, and charges nothing', async () => {
    const { honest, rogue, rows, mark } = await scene();
    const id = 'sub-contract-only';
    expect(await verdictOf(rogue, [purchase(MAYA, id, 'prod-analytics', 'monthly', 5)])).toBe('stored');
    expect(subscription(rogue, id)).toBeUndefined();

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, id)).toBeUndefined();
    expect(mirrorEverSaw(MAYA, (state) => subIn(state, id) !== undefined)).toBe(false);

    const mirror = billingMirrors.get(MAYA.personId)!;
    await until(() => [...mirror.doc.getMap<Y.Map<unknown>>('notices').values()].some((notice) => notice.get('subscriptionId') === id), 'the notice');
    const notices = Object.values((await billingRoom(MAYA)).notices).filter((notice) => notice.subscriptionId === id);
    expect(notices).toEqual([expect.objectContaining({ message: 'Adatum Analytics can no longer be bought here; your purchase was not made and nothing was charged.' })]);

    await expectStillSyncs(honest, reader);
    await expectNothingBilled(MAYA, mark, id);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 2);
  });

  it('caps licenses above the product’s maximum at the maximum, and bills the maximum', async () => {
    const { honest, rogue, rows } = await scene();
    const today = todayUtc();
    const id = 'sub-too-many';
    const max = product('prod-design').maxLicenses;
    expect(await verdictOf(rogue, [purchase(MAYA, id, 'prod-design', 'monthly', max + 10)])).toBe('stored');
    expect(subscription(rogue, id)).toMatchObject({ licenses: max });

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, id)).toMatchObject({ licenses: max });
    expect(mirrorEverSaw(MAYA, (state) => Number(subIn(state, id)?.licenses) > max)).toBe(false);

    await expectBilledAtListPrice(MAYA, rogue, id, { productId: 'prod-design', term: 'monthly', licenses: max, today });
    await expectStillSyncs(honest, reader);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 2);
  });

  it('drops a license assigned to someone not in the directory, keeps the rest, and bills nothing', async () => {
    const { honest, rogue, rows, mark } = await scene();
    const at = new Date().toISOString();
    const before = subscription(rogue, 'sub-design')!;
    expect(before.assigned).not.toHaveProperty('person-40');
    const verdict = await verdictOf(rogue, [{ op: 'mapSet', collection: 'subscriptions', id: 'sub-design', field: 'assigned', entries: { 'person-40': at, 'person-nobody': at, bob: at } }]);
    expect(verdict).toBe('stored');
    const assigned = subscription(rogue, 'sub-design')!.assigned as Record<string, string>;
    expect(Object.keys(assigned).sort()).toEqual([...Object.keys(before.assigned as object), 'person-40'].sort());

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-design')!.assigned).toEqual(assigned);
    expect(mirrorEverSaw(MAYA, (state) => ['person-nobody', 'bob'].some((p) => p in ((subIn(state, 'sub-design')?.assigned as object) ?? {})))).toBe(false);

    await expectStillSyncs(honest, reader);
    await expectNothingBilled(MAYA, mark, 'sub-design');
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 2);
  });

  const WRONG_TERMS: [string, (today: string) => unknown, (today: string) => unknown][] = [
    ['productName', () => 'Fabrikam Design Studio (free edition)', () => 'Tailspin Whiteboard'],
    ['startedOn', (today) => addMonths(today, -12), (today) => today],
    ['renewsOn', (today) => addMonths(today, 120), (today) => addMonths(today, 1)],
  ];

  it.each(WRONG_TERMS)('corrects a new subscription’s %s to the server’s, and bills the catalog terms', async (field, wrong, right) => {
    const { honest, rogue, rows } = await scene();
    const today = todayUtc();
    const id = `sub-wrong-${field.toLowerCase()}`;
    expect(await verdictOf(rogue, [purchase(MAYA, id, 'prod-whiteboard', 'monthly', 3, { [field]: wrong(today) })])).toBe('stored');
    expect(subscription(rogue, id)![field]).toBe(right(today));

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, id)).toMatchObject({ [field]: right(today), productName: 'Tailspin Whiteboard', startedOn: today, renewsOn: addMonths(today, 1), unitPrice: 800 });
    expect(mirrorEverSaw(MAYA, (state) => subIn(state, id) !== undefined && subIn(state, id)![field] !== right(today))).toBe(false);

    await expectBilledAtListPrice(MAYA, rogue, id, { productId: 'prod-whiteboard', term: 'monthly', licenses: 3, today });
    await expectStillSyncs(honest, reader);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 2);
  });
});

describe('corrected changes of running subscriptions', () => {
  /** The charge the server records for the last license write of `id`, once the billing mirror has it. */
  async function chargeFor(writer: Client, id: string): Promise<Charge> {
    const key = licensesChangeKey(writer.doc, id)!;
    const mirror = billingMirrors.get(MAYA.personId)!;
    await until(() => mirror.doc.getMap('charges').has(key), `the charge ${key}`);
    return (await billingRoom(MAYA)).charges[key]!;
  }

  it('caps a raise of a running subscription above the product’s maximum, and bills only up to it', async () => {
    const { honest, rogue } = await scene();
    const before = subscription(rogue, 'sub-design') as unknown as Subscription;
    const max = product('prod-design').maxLicenses;
    expect(await verdictOf(rogue, [{ op: 'put', collection: 'subscriptions', id: 'sub-design', fields: { licenses: max + 25 } }])).toBe('stored');
    expect(subscription(rogue, 'sub-design')).toMatchObject({ licenses: max });

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-design')).toMatchObject({ licenses: max });
    expect(mirrorEverSaw(MAYA, (state) => Number(subIn(state, 'sub-design')?.licenses) > max)).toBe(false);
    const expected = previewLicenseChange(before, max, TAX_BPS, new Date().toISOString()).today.total;
    expect(await chargeFor(rogue, 'sub-design')).toMatchObject({ status: 'charged', amount: expected });
    await expectStillSyncs(honest, reader);
  });

  it('undoes the newest assignments when licenses drop below the people assigned, and credits only the licenses removed', async () => {
    const { honest, rogue } = await scene();
    const before = subscription(rogue, 'sub-notes') as unknown as Subscription;
    const assigned = Object.entries(before.assigned).sort(([a, at], [b, bt]) => (at === bt ? (a < b ? 1 : -1) : at < bt ? 1 : -1));
    const kept = 3;
    expect(assigned.length).toBeGreaterThan(kept);
    expect(await verdictOf(rogue, [{ op: 'put', collection: 'subscriptions', id: 'sub-notes', fields: { licenses: kept } }])).toBe('stored');
    const oldest = assigned.slice(assigned.length - kept).map(([personId]) => personId).sort();
    expect(Object.keys(subscription(rogue, 'sub-notes')!.assigned as object).sort()).toEqual(oldest);

    const reader = await freshAdminReader(MAYA);
    expect(Object.keys(subscription(reader, 'sub-notes')!.assigned as object).sort()).toEqual(oldest);
    expect(mirrorEverSaw(MAYA, (state) => Object.keys((subIn(state, 'sub-notes')?.assigned as object) ?? {}).length > Number(subIn(state, 'sub-notes')?.licenses))).toBe(false);
    const expected = previewLicenseChange(before, kept, TAX_BPS, new Date().toISOString()).today.total;
    expect(await chargeFor(rogue, 'sub-notes')).toMatchObject({ status: 'credited', amount: expected });
    await expectStillSyncs(honest, reader);
  });

  it('takes back the reactivation of a canceled subscription whose term has ended, with its notice', async () => {
    const today = todayUtc();
    const cancellation = { reason: 'no_longer_needed', feedback: '', canceledAt: `${addMonths(today, -2)}T10:00:00.000Z` };
    withAdmin(data.dir, (admin) =>
      appendChange(admin.store, { kind: 'purchaser', orgId: ORG, personId: MAYA.personId }, (doc) =>
        applyChanges(doc, [purchase(MAYA, 'sub-ended', 'prod-whiteboard', 'monthly', 4, { status: 'canceled', startedOn: addMonths(today, -2), renewsOn: addMonths(today, -1), cancellation })], null),
      ),
    );
    const { honest, rogue, mark } = await scene();
    await until(() => subscription(rogue, 'sub-ended') !== undefined, 'the ended subscription on the rogue');
    const verdict = await verdictOf(rogue, [
      { op: 'put', collection: 'subscriptions', id: 'sub-ended', fields: { status: 'active' } },
      { op: 'unset', collection: 'subscriptions', id: 'sub-ended', field: 'cancellation' },
    ]);
    expect(verdict).toBe('stored');
    expect(subscription(rogue, 'sub-ended')).toMatchObject({ status: 'canceled', cancellation });

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-ended')).toMatchObject({ status: 'canceled', cancellation });
    expect(mirrorEverSaw(MAYA, (state) => subIn(state, 'sub-ended')?.status === 'active')).toBe(false);
    const notices = Object.values((await billingRoom(MAYA)).notices).map((notice) => notice.message);
    expect(notices).toContain(`Tailspin Whiteboard ended on ${formatDay(addMonths(today, -1))}, so it could not be reactivated. Buy it again to keep using it.`);
    await expectNothingBilled(MAYA, mark, 'sub-ended');
    await expectStillSyncs(honest, reader);
  });
});

describe('money back and payments that recover', () => {
  it('puts back a subscription removed more than 7 days after its purchase, and refunds nothing', async () => {
    const startedOn = toIsoDate(new Date(Date.now() - 10 * 86_400_000));
    withAdmin(data.dir, (admin) =>
      appendChange(admin.store, { kind: 'purchaser', orgId: ORG, personId: MAYA.personId }, (doc) =>
        applyChanges(doc, [purchase(MAYA, 'sub-old', 'prod-whiteboard', 'monthly', 2, { startedOn, renewsOn: addMonths(startedOn, 1) })], null),
      ),
    );
    const { honest, rogue, mark } = await scene();
    await until(() => subscription(rogue, 'sub-old') !== undefined, 'the old subscription at the rogue');
    expect(await verdictOf(rogue, [{ op: 'remove', collection: 'subscriptions', id: 'sub-old' }])).toBe('stored');
    expect(subscription(rogue, 'sub-old')).toMatchObject({ licenses: 2, startedOn, status: 'active' });

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-old')).toMatchObject({ licenses: 2, startedOn });
    const seen = mirrors.get(MAYA.personId)!.seen;
    const first = seen.findIndex((state) => subIn(state, 'sub-old'));
    expect(seen.slice(first).every((state) => subIn(state, 'sub-old'))).toBe(true);
    const notices = Object.values((await billingRoom(MAYA)).notices).map((notice) => notice.message);
    expect(notices).toContain(`Tailspin Whiteboard was bought on ${formatDay(startedOn)}, more than 7 days ago, so the purchase can no longer be undone and nothing was refunded. Cancel it to stop its renewal.`);
    await expectNothingBilled(MAYA, mark, 'sub-old');
    await expectStillSyncs(honest, reader);
  });

  it('refunds a purchase removed on the day it was bought with a credit of exactly its total', async () => {
    const { rogue } = await scene();
    expect(await verdictOf(rogue, [purchase(MAYA, 'sub-undone', 'prod-chat', 'monthly', 4)])).toBe('stored');
    await expectBilledAtListPrice(MAYA, rogue, 'sub-undone', { productId: 'prod-chat', term: 'monthly', licenses: 4, today: todayUtc() });
    expect(await verdictOf(rogue, [{ op: 'remove', collection: 'subscriptions', id: 'sub-undone' }])).toBe('stored');
    const mirror = billingMirrors.get(MAYA.personId)!;
    await until(() => mirror.doc.getMap('charges').has('sub-undone~refund'), 'the refund');
    const state = await billingRoom(MAYA);
    const refund = state.charges['sub-undone~refund']!;
    const total = amountsFor(product('prod-chat').prices.monthly * 4, TAX_BPS).total;
    expect(refund).toMatchObject({ status: 'refunded', amount: -total });
    expect(state.invoices[refund.invoiceId!]).toMatchObject({ status: 'credit', total: -total, lines: [{ description: 'Contoso Chat, refund: purchase undone', subscriptionId: 'sub-undone' }] });
  });

  it('ends a purchase canceled within 7 days today and refunds the unused part once, however often it is reactivated and canceled', async () => {
    const { rogue } = await scene();
    expect(await verdictOf(rogue, [purchase(MAYA, 'sub-regret', 'prod-whiteboard', 'monthly', 2)])).toBe('stored');
    await expectBilledAtListPrice(MAYA, rogue, 'sub-regret', { productId: 'prod-whiteboard', term: 'monthly', licenses: 2, today: todayUtc() });
    const cancel: Change = { op: 'put', collection: 'subscriptions', id: 'sub-regret', fields: { status: 'canceled', cancellation: { reason: 'other', feedback: '', canceledAt: new Date().toISOString() } } };
    expect(await verdictOf(rogue, [cancel])).toBe('stored');
    expect(subscription(rogue, 'sub-regret')).toMatchObject({ status: 'canceled', renewsOn: todayUtc() });
    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-regret')).toMatchObject({ renewsOn: todayUtc() });
    // Ended today, so a reactivation is taken back, and a second cancel refunds nothing more.
    expect(await verdictOf(rogue, [{ op: 'put', collection: 'subscriptions', id: 'sub-regret', fields: { status: 'active' } }])).toBe('stored');
    expect(subscription(rogue, 'sub-regret')).toMatchObject({ status: 'canceled' });
    expect(await verdictOf(rogue, [{ op: 'put', collection: 'subscriptions', id: 'sub-regret', fields: { status: 'active' } }, cancel])).toBe('stored');
    const mirror = billingMirrors.get(MAYA.personId)!;
    await until(() => mirror.doc.getMap('charges').has('sub-regret~refund-unused'), 'the refund');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const state = await billingRoom(MAYA);
    const total = amountsFor(product('prod-whiteboard').prices.monthly * 2, TAX_BPS).total;
    const credits = Object.values(state.invoices).filter((invoice) => invoice.status === 'credit' && invoice.lines.some((line) => line.subscriptionId === 'sub-regret'));
    expect(credits.map((invoice) => invoice.total)).toEqual([-total]);
    expect(state.charges['sub-regret~refund-unused']).toMatchObject({ status: 'refunded', amount: -total });
  });

  it('tries a declined charge once however often a client asks to pay again, and charges the new card once', async () => {
    const token = await mint(data.dir, MAYA);
    const tokenized = (await fetch(`${server.url}/api/payment-methods/tokenize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ number: '4000000000000002', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, securityCode: '123' }),
    }).then((r) => r.json())) as { cardRef: string };
    const { honest, rogue } = await scene();
    const profileId = String(entity(rogue, 'paymentMethods', 'pm-visa')!.profileId);
    expect(await verdictOf(rogue, [
      { op: 'put', collection: 'paymentMethods', id: 'pm-declines', fields: { ...CARD_FIELDS(profileId, 'Maya Okafor'), last4: '0002', cardRef: tokenized.cardRef } },
      purchase(MAYA, 'sub-declined', 'prod-chat', 'monthly', 3, { paymentMethodId: 'pm-declines' }),
    ])).toBe('stored');
    const key = licensesChangeKey(rogue.doc, 'sub-declined')!;
    const mirror = billingMirrors.get(MAYA.personId)!;
    const status = () => (mirror.doc.getMap('charges').get(key) as Y.Map<unknown> | undefined)?.get('status');
    await until(() => status() === 'declined', 'the decline');

    // A burst of requests to pay again, most with a new card, each a millisecond apart.
    const base = Date.now();
    for (let i = 0; i < 15; i++) {
      applyChanges(rogue.doc, [{ op: 'put', collection: 'subscriptions', id: 'sub-declined', fields: { paymentRetry: new Date(base + i).toISOString(), paymentMethodId: i % 2 ? 'pm-visa' : 'pm-declines' } }], null);
    }
    await until(() => rogue.allStored(), 'the burst stored', 15_000);
    // Only the first request within the minute stands: the rules put paymentRetry back for the rest.
    expect(subscription(rogue, 'sub-declined')!.paymentRetry).toBe(new Date(base).toISOString());
    // Tried at most once per card for that request (switching cards to and fro adds nothing), and
    // the Visa pays the charge once.
    await until(() => status() === 'charged', 'the charge with the Visa', 15_000);
    const retries = sql<{ token: string }>('SELECT token FROM simulated_charges WHERE idempotency_key LIKE ?', `${key}~%`);
    expect(new Set(retries.map((row) => row.token)).size).toBe(retries.length);
    expect(retries.length).toBeLessThanOrEqual(2);
    const total = amountsFor(product('prod-chat').prices.monthly * 3, TAX_BPS).total;
    const paid = sql<{ amount: number }>('SELECT amount FROM simulated_charges WHERE idempotency_key LIKE ? AND decline_message IS NULL', `${key}%`);
    expect(paid).toEqual([{ amount: total }]);
    const invoices = Object.values((await billingRoom(MAYA)).invoices).filter((invoice) => invoice.lines.some((line) => line.subscriptionId === 'sub-declined'));
    expect(invoices).toHaveLength(1);
    await expectStillSyncs(honest, await freshAdminReader(MAYA));
  });

  it('refuses a paymentRetry ahead of the server clock', async () => {
    const { rogue } = await scene();
    expectInvalid(
      await verdictOf(rogue, [{ op: 'put', collection: 'subscriptions', id: 'sub-declined', fields: { paymentRetry: new Date(Date.now() + 3_600_000).toISOString() } }]),
      'subscriptions.sub-declined.paymentRetry: ahead of the server',
    );
  });
});

describe('refused lies: nothing of them is stored, broadcast or billed', () => {
  /** The rogue writes `fields` onto an existing entity; refused with `message`; the admin still sees `expected`. */
  async function refusedEdit(
    collection: Collection,
    id: string,
    fields: (current: Record<string, unknown>) => Record<string, unknown>,
    message: string | RegExp,
    who: Who = MAYA,
  ): Promise<void> {
    const { honest, rogue, rows, mark } = await scene(who);
    const chargesBefore = await chargesOf(who, id);
    const current = entity(rogue, collection, id)!;
    expect(current).toBeDefined();
    const lie = fields(current);
    expectInvalid(await verdictOf(rogue, [{ op: 'put', collection, id, fields: lie }]), message);
    expect(rogue.refused).toHaveLength(1);

    const reader = await freshAdminReader(who);
    expect(entity(reader, collection, id)).toEqual(current);
    const liedAbout = (state: Record<string, Record<string, unknown>>) => {
      const seen = state[collection]?.[id] as Record<string, unknown> | undefined;
      return !!seen && Object.entries(lie).some(([field, value]) => JSON.stringify(seen[field]) === JSON.stringify(value));
    };
    expect(mirrorEverSaw(who, liedAbout)).toBe(false);

    await expectStillSyncs(honest, reader, who === MAYA ? undefined : 'liam.fischer@northwind.example');
    await expectNothingBilled(who, mark, id, chargesBefore);
    // Only the honest change reached the log.
    expect(rowsOf(room.purchaser(who))).toBe(rows + 1);
  }

  it('refuses renewsOn of a running subscription moved ten years ahead', async () => {
    await refusedEdit('subscriptions', 'sub-design', (sub) => ({ renewsOn: addMonths(String(sub.renewsOn), 120) }), 'subscriptions.sub-design.renewsOn: set by the server only');
  });

  it.each<[string, (sub: Record<string, unknown>) => unknown]>([
    ['startedOn', (sub) => addMonths(String(sub.startedOn), -24)],
    ['productName', () => 'Fabrikam Design Studio (free edition)'],
    ['unitPrice', () => 1],
    ['currency', () => 'EUR'],
    ['productId', () => 'prod-notes'],
    ['term', () => 'monthly'],
    ['purchaserId', () => LIAM.personId],
  ])('refuses a change of %s of a running subscription', async (field, value) => {
    // The reason's wording is the rules'; the refusal must name the field.
    await refusedEdit('subscriptions', 'sub-design', (sub) => ({ [field]: value(sub) }), new RegExp(`^subscriptions\\.sub-design\\.${field}: `));
  });

  it('refuses status "expired" written by a purchaser', async () => {
    await refusedEdit('subscriptions', 'sub-chat', () => ({ status: 'expired' }), 'subscriptions.sub-chat.status: only the server lets a subscription expire');
  });

  it('refuses reactivating an expired subscription', async () => {
    await refusedEdit('subscriptions', 'sub-pdf', () => ({ status: 'active' }), 'subscriptions.sub-pdf.status: an expired subscription is bought again, not reactivated');
  });

  it.each<[string, (rogue: Client) => Change[], string]>([
    [
      'a new paid invoice',
      () => [
        {
          op: 'put',
          collection: 'invoices',
          id: 'inv-rogue',
          fields: {
            number: 'NL-999999', issuedOn: todayUtc(), periodStart: todayUtc(), periodEnd: addMonths(todayUtc(), 12), billingProfileId: 'bp-main',
            lines: [{ description: 'Contoso Chat, 500 licenses, annual', subscriptionId: 'sub-chat', quantity: 500, amount: 0 }],
            subtotal: 0, tax: 0, total: 0, currency: 'USD', status: 'paid',
          },
        },
      ],
      'invoices.inv-rogue: invoices are issued by the server only',
    ],
    [
      'a copy of a server invoice at zero',
      () => {
        const { id, ...copy } = demoSeed(demoOrg(), new Date().toISOString()).invoices.find((invoice) => invoice.id === 'inv-chat-1')!;
        return [{ op: 'put', collection: 'invoices', id, fields: { ...copy, number: 'NL-000001', subtotal: 0, tax: 0, total: 0 } }];
      },
      'invoices.inv-chat-1: invoices are issued by the server only',
    ],
  ])('refuses %s in the purchaser room, and stores nothing', async (_what, changes, message) => {
    const { honest, rogue, rows, mark } = await scene();
    // The purchaser room holds no invoice, not even the demo's history: the server issued those.
    expect(docJson(rogue.doc).invoices ?? {}).toEqual({});
    const serverInvoices = (await billingRoom(MAYA)).invoices;
    expect(serverInvoices['inv-chat-1']?.total).toBeGreaterThan(0);
    expectInvalid(await verdictOf(rogue, changes(rogue)), message);

    const reader = await freshAdminReader(MAYA);
    expect(docJson(reader.doc).invoices ?? {}).toEqual({});
    // The purchaser room never held an invoice, as the live admin mirror saw it from the start.
    expect(mirrorEverSaw(MAYA, (state) => Object.keys(state.invoices ?? {}).length > 0)).toBe(false);
    expect((await billingRoom(MAYA)).invoices).toEqual(serverInvoices);

    await expectStillSyncs(honest, reader);
    expect(billingMark()).toEqual(mark);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 1);
  });

  it.each<[string, Collection, string, Record<string, unknown>, string]>([
    ['a processor token on a new card', 'paymentMethods', 'pm-with-token', { ...CARD_FIELDS('bp-main', 'Maya Okafor'), processorToken: `tok_${'a1'.repeat(12)}` }, 'processorToken'],
    ['a security code on the seeded card', 'paymentMethods', 'pm-visa', { securityCode: LIAM_CARD.securityCode }, 'securityCode'],
    ['the full card number on the seeded card', 'paymentMethods', 'pm-visa', { number: '4242424242424242' }, 'number'],
    ['an extra field on a running subscription', 'subscriptions', 'sub-chat', { discountPercent: 100 }, 'discountPercent'],
    ['an extra field on a new purchase', 'subscriptions', 'sub-with-extra', { ...purchaseFields(MAYA, 'prod-chat', 'monthly', 2), priceOverride: 1 }, 'priceOverride'],
    ['an extra field on a billing profile', 'billingProfiles', 'bp-main', { taxExempt: true }, 'taxExempt'],
    ['an extra field inside a card’s address', 'paymentMethods', 'pm-visa', { address: { line1: '100 Harbor Way', line2: 'Suite 400', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US', iban: 'DE89370400440532013000' } }, 'address.iban'],
  ])('refuses an unknown field: %s', async (_what, collection, id, fields, field) => {
    const { honest, rogue, rows, mark } = await scene();
    const chargesBefore = await chargesOf(MAYA, id);
    const before = entity(rogue, collection, id);
    expectInvalid(await verdictOf(rogue, [{ op: 'put', collection, id, fields }]), `${collection}.${id}.${field}: not a field of ${collection}`);

    const reader = await freshAdminReader(MAYA);
    expect(entity(reader, collection, id)).toEqual(before);
    expect(mirrorEverSaw(MAYA, (state) => JSON.stringify(state[collection]?.[id] ?? {}).includes(`"${field.split('.').at(-1)}"`))).toBe(false);
    expect(JSON.stringify(docJson(reader.doc))).not.toMatch(/tok_|4242424242424242|"7391"/);

    await expectStillSyncs(honest, reader);
    await expectNothingBilled(MAYA, mark, id, chargesBefore);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 1);
  });
});

describe("cards: a purchaser charges only cards they added", () => {
  const liamEmail = 'liam.fischer@northwind.example';
  let liamCardRef: string;

  it("refuses Liam's copy of Maya's card reference, and charges nothing to Maya's card with it", async () => {
    // Liam sets up billing honestly, with a card he tokenized himself.
    const token = await mint(data.dir, LIAM);
    const response = await fetch(`${server.url}/api/payment-methods/tokenize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ number: LIAM_CARD.number, expMonth: 1, expYear: new Date().getUTCFullYear() + 2, securityCode: LIAM_CARD.securityCode }),
    });
    const tokenized = (await response.json()) as { cardRef: string; brand: string; last4: string };
    expect(tokenized).toEqual({ cardRef: expect.stringMatching(/^card_/), brand: LIAM_CARD.brand, last4: LIAM_CARD.last4 });
    liamCardRef = tokenized.cardRef;
    const { honest, rogue, rows } = await scene(LIAM);
    const liamCard = { ...CARD_FIELDS('bp-liam', 'Liam Fischer'), brand: 'amex', last4: LIAM_CARD.last4, expMonth: 1, cardRef: liamCardRef };
    expect(
      await verdictOf(honest, [
        { op: 'put', collection: 'billingAccounts', id: 'ba-liam', fields: { name: 'Liam Fischer', type: 'Personal' } },
        { op: 'put', collection: 'billingProfiles', id: 'bp-liam', fields: { accountId: 'ba-liam', name: 'Liam Fischer', invoiceEmail: liamEmail, paymentMethodId: 'pm-liam' } },
        { op: 'put', collection: 'paymentMethods', id: 'pm-liam', fields: liamCard },
      ]),
    ).toBe('stored');
    await until(() => entity(rogue, 'paymentMethods', 'pm-liam') !== undefined, 'Liam’s card at the rogue');

    // Maya's card reference, read as an admin reads every purchaser room; and the processor token behind it.
    const mayaRoom = await freshAdminReader(MAYA);
    const mayaRef = String(entity(mayaRoom, 'paymentMethods', 'pm-visa')!.cardRef);
    expect(mayaRef).toMatch(/^card_/);
    const mayaToken = sql<{ token: string }>('SELECT token FROM card_refs WHERE ref = ?', mayaRef)[0]!.token;
    const chargesToMaya = () => sql<{ n: number }>('SELECT count(*) AS n FROM simulated_charges WHERE token = ?', mayaToken)[0]!.n;
    const mayaCharged = chargesToMaya();
    const mark = billingMark();

    // A card of his own holding Maya's reference; his own card's reference replaced by hers; and
    // both together with a purchase paid by it: each refused whole.
    const lies: Change[][] = [
      [{ op: 'put', collection: 'paymentMethods', id: 'pm-stolen', fields: { ...CARD_FIELDS('bp-liam', 'Liam Fischer'), cardRef: mayaRef } }],
      [{ op: 'put', collection: 'paymentMethods', id: 'pm-liam', fields: { cardRef: mayaRef } }],
      [
        { op: 'put', collection: 'paymentMethods', id: 'pm-stolen-2', fields: { ...CARD_FIELDS('bp-liam', 'Liam Fischer'), cardRef: mayaRef } },
        purchase(LIAM, 'sub-on-maya', 'prod-chat', 'monthly', 100, { paymentMethodId: 'pm-stolen-2' }),
      ],
    ];
    const ids = ['pm-stolen', 'pm-liam', 'pm-stolen-2'];
    for (const [i, lie] of lies.entries()) {
      // A new client for each: the server refuses anything built on a refused change of the same client.
      const liar = i === 0 ? rogue : await join(room.purchaser(LIAM), LIAM);
      expectInvalid(await verdictOf(liar, lie), `paymentMethods.${ids[i]}.cardRef: not a card you added`);
    }

    const reader = await freshAdminReader(LIAM);
    expect(entity(reader, 'paymentMethods', 'pm-stolen')).toBeUndefined();
    expect(entity(reader, 'paymentMethods', 'pm-stolen-2')).toBeUndefined();
    expect(entity(reader, 'paymentMethods', 'pm-liam')!.cardRef).toBe(liamCardRef);
    expect(subscription(reader, 'sub-on-maya')).toBeUndefined();
    expect(JSON.stringify(docJson(reader.doc))).not.toContain(mayaRef);
    expect(mirrorEverSaw(LIAM, (state) => JSON.stringify(state).includes(mayaRef))).toBe(false);

    await expectStillSyncs(honest, reader, liamEmail);
    await expectNothingBilled(LIAM, mark, 'sub-on-maya');
    expect(chargesToMaya()).toBe(mayaCharged);
    expect(rowsOf(room.purchaser(LIAM))).toBe(rows + 2);
  });

  it("charges nothing to Maya when Liam buys with the id of Maya's card", async () => {
    const { honest, rogue } = await scene(LIAM);
    const mayaRef = String(entity(await freshAdminReader(MAYA), 'paymentMethods', 'pm-visa')!.cardRef);
    const mayaToken = sql<{ token: string }>('SELECT token FROM card_refs WHERE ref = ?', mayaRef)[0]!.token;
    const chargesToMaya = () => sql<{ n: number }>('SELECT count(*) AS n FROM simulated_charges WHERE token = ?', mayaToken)[0]!.n;
    const mayaCharged = chargesToMaya();
    const mark = billingMark();

    // pm-visa is Maya's, in Maya's room: Liam's room has no such card, so the server cannot take payment.
    expect(await verdictOf(rogue, [purchase(LIAM, 'sub-maya-pays', 'prod-chat', 'monthly', 100, { paymentMethodId: 'pm-visa' })])).toBe('stored');
    const key = licensesChangeKey(rogue.doc, 'sub-maya-pays')!;
    const mirror = billingMirrors.get(LIAM.personId)!;
    await until(() => mirror.doc.getMap('charges').has(key), 'the charge record');
    const charge = (await billingRoom(LIAM)).charges[key]!;
    expect(charge).toMatchObject({ status: 'no-payment-method', amount: amountsFor(1250 * 100, TAX_BPS).total });
    expect(charge.invoiceId).toBeUndefined();
    expect(chargesToMaya()).toBe(mayaCharged);
    expect(billingMark()).toEqual({ jobs: mark.jobs + 1, processorCharges: mark.processorCharges });
    expect(Object.values((await billingRoom(MAYA)).charges).filter((c) => c.subscriptionId === 'sub-maya-pays')).toEqual([]);

    // Liam's own card is charged for his own purchase, at the list price, and Maya's is not.
    const today = todayUtc();
    expect(await verdictOf(honest, [purchase(LIAM, 'sub-liam-own', 'prod-notes', 'monthly', 4, { paymentMethodId: 'pm-liam' })])).toBe('stored');
    await expectBilledAtListPrice(LIAM, honest, 'sub-liam-own', { productId: 'prod-notes', term: 'monthly', licenses: 4, today });
    const liamToken = sql<{ token: string }>('SELECT token FROM card_refs WHERE ref = ?', liamCardRef)[0]!.token;
    expect(sql('SELECT token FROM simulated_charges WHERE idempotency_key = ?', licensesChangeKey(honest.doc, 'sub-liam-own'))).toEqual([{ token: liamToken }]);
    expect(chargesToMaya()).toBe(mayaCharged);
    await expectStillSyncs(honest, await freshAdminReader(LIAM), liamEmail);
  });
});

describe('rights: who may write where', () => {
  it("keeps Liam out of Maya's rooms, even with an update sent before the server answers", async () => {
    const liam = await mint(data.dir, LIAM);
    for (const name of [room.purchaser(MAYA), room.billing(MAYA), room.summary(ORG)]) {
      expect(await connectRefused(server.wsUrl, name, liam)).toEqual({ code: 4403, reason: 'Room not allowed' });
    }
    const { honest, rows } = await scene(MAYA);
    const before = subscription(honest, 'sub-chat')!;
    // A raw socket that sends its lie the moment it opens, before the server has checked anything.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(honest.doc));
    const vector = Y.encodeStateVector(copy);
    (copy.getMap('subscriptions').get('sub-chat') as Y.Map<unknown>).set('licenses', 1);
    const lie = Y.encodeStateAsUpdate(copy, vector);
    const ws = new WebSocket(`${server.wsUrl}/${room.purchaser(MAYA)}?token=${liam}&acks=1`);
    ws.on('error', () => undefined);
    const answers: unknown[] = [];
    ws.on('message', (message) => answers.push(message));
    ws.once('open', () => ws.send(encodeSyncUpdate(lie)));
    const code = await new Promise<number>((resolve) => ws.once('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(4403);
    expect(answers).toEqual([]);

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-chat')).toEqual(before);
    expect(mirrorEverSaw(MAYA, (state) => subIn(state, 'sub-chat')?.licenses === 1)).toBe(false);
    await expectStillSyncs(honest, reader);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 1);
  });

  it("refuses an admin's write to a purchaser room as read-only, and keeps the admin reading", async () => {
    const { honest, rows, mark } = await scene(MAYA);
    const admin = await freshAdminReader(MAYA);
    const before = subscription(admin, 'sub-chat')!;
    const verdict = await verdictOf(admin, [{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 1 } }]);
    expect(verdict).toEqual({ code: 'read-only', message: `You can read ${room.purchaser(MAYA)} but not change it.` });

    const reader = await freshAdminReader(MAYA);
    expect(subscription(reader, 'sub-chat')).toEqual(before);
    expect(mirrorEverSaw(MAYA, (state) => subIn(state, 'sub-chat')?.licenses === 1)).toBe(false);
    // The refused admin's connection stays open and keeps receiving the purchaser's changes.
    await expectStillSyncs(honest, admin);
    expect(admin.closes).toEqual([]);
    expect(billingMark()).toEqual(mark);
    expect(rowsOf(room.purchaser(MAYA))).toBe(rows + 1);
  });

  /** Server-only rooms, each with a hostile write: a catalog price of 1 cent, a forged credit, a summary rewritten. */
  const SERVER_ROOMS: [string, (who: Who) => string, (doc: Y.Doc) => void, (doc: Y.Doc) => boolean][] = [
    [
      'the org room (catalog price to 1 cent)',
      () => room.org(ORG),
      (doc) => (doc.getMap('catalog').get('prod-chat') as Y.Map<unknown>).set('prices', { monthly: 1, annual: 1 }),
      (doc) => isDeepStrictEqual((doc.getMap('catalog').get('prod-chat') as Y.Map<unknown> | undefined)?.get('prices'), product('prod-chat').prices),
    ],
    [
      'the billing room (a forged credit)',
      (who) => room.billing(who),
      (doc) => {
        const charge = new Y.Map<unknown>();
        for (const [field, value] of Object.entries({ subscriptionId: 'sub-chat', changeKey: 'forged', status: 'credited', amount: -1_000_000, currency: 'USD', message: 'Credited', at: new Date().toISOString() })) charge.set(field, value);
        doc.getMap('charges').set('forged', charge);
      },
      (doc) => !doc.getMap('charges').has('forged'),
    ],
    ['the summary room (entries wiped)', () => room.summary(ORG), (doc) => doc.getMap('entries').clear(), (doc) => doc.getMap('entries').size > 0],
  ];

  type ServerRoomWrite = [string, string, Who, ...(typeof SERVER_ROOMS)[number] extends [string, ...infer Rest] ? Rest : never];
  const SERVER_ROOM_WRITES: ServerRoomWrite[] = [
    ...SERVER_ROOMS.map(([what, ...rest]): ServerRoomWrite => ['an admin', what, RILEY, ...rest]),
    // A purchaser cannot read the summary room at all.
    ...SERVER_ROOMS.slice(0, 2).map(([what, ...rest]): ServerRoomWrite => ['a purchaser', what, MAYA, ...rest]),
  ];

  it.each(SERVER_ROOM_WRITES)(
    'refuses %s’s write to a server-only room as read-only: %s',
    async (_who, _what, writer, nameOf, write, intact) => {
      const name = nameOf(MAYA);
      const { honest, mark } = await scene(MAYA);
      const client = await join(name, writer);
      expect(intact(client.doc)).toBe(true);
      const verdict = await verdictOf(client, () => write(client.doc));
      expect(verdict).toEqual({ code: 'read-only', message: `You can read ${name} but not change it.` });
      expect(client.closes).toEqual([]);

      const reader = await join(name, RILEY);
      expect(intact(reader.doc)).toBe(true);
      await expectStillSyncs(honest, await freshAdminReader(MAYA));
      expect(billingMark()).toEqual(mark);
    },
  );
});

describe("self-service policy: an admin's, and only an admin's", () => {
  const setPolicy = async (as: Who, productId: string, policy: string) =>
    fetch(`${server.url}/api/admin/self-service`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await mint(data.dir, as)}` },
      body: JSON.stringify({ productId, policy }),
    });
  const policyOf = (client: Client, productId: string) => (client.doc.getMap<Y.Map<unknown>>('catalog').get(productId)?.get('selfServicePolicy') as string | undefined) ?? 'default';

  it('an admin turns a product off: purchasers see it live, a purchase of it is undone with the admin’s reason, running subscriptions still change licenses', async () => {
    const watcher = await join(room.org(ORG), MAYA);
    expect((await setPolicy(RILEY, 'prod-notes', 'deny')).status).toBe(200);
    await until(() => policyOf(watcher, 'prod-notes') === 'deny', 'the purchaser to see the policy', 2_000);
    try {
      const { honest, rogue, mark } = await scene();
      const id = 'sub-notes-after-deny';
      expect(await verdictOf(rogue, [purchase(MAYA, id, 'prod-notes', 'annual', 3)])).toBe('stored');
      expect(subscription(rogue, id)).toBeUndefined();
      expect(mirrorEverSaw(MAYA, (state) => subIn(state, id) !== undefined)).toBe(false);
      const mirror = billingMirrors.get(MAYA.personId)!;
      await until(() => [...mirror.doc.getMap<Y.Map<unknown>>('notices').values()].some((notice) => notice.get('subscriptionId') === id), 'the notice');
      expect(Object.values((await billingRoom(MAYA)).notices).filter((notice) => notice.subscriptionId === id)).toEqual([
        expect.objectContaining({ message: 'Your IT admin has turned off self-service purchases of Litware Notes, so your purchase was not made and nothing was charged.' }),
      ]);
      await expectNothingBilled(MAYA, mark, id);

      const licenses = subscription(honest, 'sub-notes')!.licenses as number;
      expect(await verdictOf(honest, [{ op: 'put', collection: 'subscriptions', id: 'sub-notes', fields: { licenses: licenses + 1 } }])).toBe('stored');
      expect(subscription(await freshAdminReader(MAYA), 'sub-notes')).toMatchObject({ licenses: licenses + 1 });
    } finally {
      expect((await setPolicy(RILEY, 'prod-notes', 'default')).status).toBe(200);
    }
    await until(() => policyOf(watcher, 'prod-notes') === 'default', 'the policy back to the catalog’s', 2_000);
  });

  it('refuses a purchaser’s policy, by HTTP or written into the org room, and changes nothing', async () => {
    expect((await setPolicy(MAYA, 'prod-chat', 'deny')).status).toBe(401);
    const rogue = await join(room.org(ORG), MAYA);
    const verdict = await verdictOf(rogue, () => rogue.doc.getMap<Y.Map<unknown>>('catalog').get('prod-chat')!.set('selfServicePolicy', 'deny'));
    expect(verdict).toMatchObject({ code: 'read-only' });
    expect(policyOf(await join(room.org(ORG), RILEY), 'prod-chat')).toBe('default');
    expect((await setPolicy({ orgId: 'org-b', personId: 'bea', role: 'admin' }, 'prod-chat', 'deny')).status).toBe(404);
    expect(policyOf(await join(room.org(ORG), RILEY), 'prod-chat')).toBe('default');
  });
});

describe('card data never reaches a room', () => {
  it('leaves no processor token, card number or security code in any room an admin reads; Liam reads none of Maya’s', async () => {
    const names = [room.org(ORG), room.purchaser(MAYA), room.purchaser(LIAM), room.billing(MAYA), room.billing(LIAM), room.summary(ORG)];
    for (const name of names) {
      const reader = await join(name, RILEY);
      const text = JSON.stringify(docJson(reader.doc));
      expect(text.length, name).toBeGreaterThan(50);
      expect(text, name).not.toMatch(/tok_/);
      for (const number of CARD_NUMBERS) expect(text, name).not.toContain(number);
      expect(text, name).not.toContain(`"${LIAM_CARD.securityCode}"`);
      expect(text, name).not.toMatch(/securityCode|processorToken|cvc|cvv/i);
    }
    // What the live mirrors ever saw, and every row of the log, hold none of it either.
    for (const { seen } of mirrors.values()) expect(seen.length).toBeGreaterThan(5);
    for (const { seen } of mirrors.values()) expect(JSON.stringify(seen)).not.toMatch(/tok_|4242424242424242|378282246310005|"7391"|securityCode|processorToken/);
    const log = sql<{ room: string; data: Buffer }>('SELECT room, data FROM updates');
    for (const { room: name, data: bytes } of log) {
      for (const needle of ['tok_', ...CARD_NUMBERS, 'securityCode', 'processorToken']) expect(bytes.includes(needle), `${needle} in ${name}`).toBe(false);
    }
    const liam = await mint(data.dir, LIAM);
    for (const name of [room.purchaser(MAYA), room.billing(MAYA), room.summary(ORG)]) {
      expect(await connectRefused(server.wsUrl, name, liam)).toEqual({ code: 4403, reason: 'Room not allowed' });
    }
  });
});
