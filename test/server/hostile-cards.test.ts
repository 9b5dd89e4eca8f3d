import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMonths, toIsoDate } from '../../lib/dates';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import { demoOrg } from '../../lib/org/demo';
import { BillingRoomState, readBillingRoom } from '../../lib/room/billing-doc';
import type { Refusal } from '../../lib/room/messages';
import type { Who } from '../../server/auth';
import { MAYA, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

/**
 * A card that still pays a running subscription cannot be removed, whoever removes it: a
 * hand-written client with Maya's real token, and an honest device that removed a card offline
 * while another device bought with it. The server puts the card back in the same commit (so no
 * admin ever sees the subscription without its card) and says why in the billing room's notices.
 */
const data = tempDataDir();
let server: ServerProcess;
let mirror: Client;
/** Every state of Maya's cards and subscriptions the admin mirror ever saw. */
const seen: { cards: Record<string, unknown>; subscriptions: Record<string, unknown> }[] = [];
const look = (doc: Y.Doc) => ({ cards: doc.getMap('paymentMethods').toJSON(), subscriptions: doc.getMap('subscriptions').toJSON() });
const opened: Client[] = [];

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
  mirror = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY));
  seen.push(look(mirror.doc));
  mirror.doc.on('update', () => seen.push(look(mirror.doc)));
});

afterEach(() => {
  for (const client of opened.splice(0)) client.destroy();
});

afterAll(async () => {
  mirror?.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

async function join(as: Who, doc?: Y.Doc): Promise<Client> {
  const client = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, as), doc);
  opened.push(client);
  return client;
}

/** Writes `changes` and waits for the verdict: the refusal, or 'stored' once the server stored the whole document. */
async function verdictOf(client: Client, changes: readonly Change[]): Promise<Refusal | 'stored'> {
  const refused = client.refused.length;
  const stored = client.stored.length;
  applyChanges(client.doc, changes, null);
  await until(() => client.refused.length > refused || (client.stored.length > stored && client.allStored()), 'the server’s verdict');
  return client.refused[refused] ?? 'stored';
}

const card = (client: Client, id: string) => (client.doc.getMap<Y.Map<unknown>>('paymentMethods').get(id)?.toJSON() as Record<string, unknown> | undefined);

async function notices(): Promise<string[]> {
  const client = await connectSynced(server.wsUrl, room.billing(MAYA), await mint(data.dir, MAYA));
  try {
    return Object.values(BillingRoomState.parse(readBillingRoom(client.doc)).notices).map((notice) => notice.message);
  } finally {
    client.destroy();
  }
}

const SPARE = {
  profileId: 'bp-main',
  brand: 'mastercard',
  last4: '4444',
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 2,
  nameOnCard: 'Maya Okafor',
  address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  updatedAt: new Date().toISOString(),
};

function purchaseWith(id: string, paymentMethodId: string): Change {
  const chat = demoOrg().catalog.find((p) => p.id === 'prod-chat')!;
  const today = toIsoDate(new Date());
  return {
    op: 'put',
    collection: 'subscriptions',
    id,
    fields: { productId: 'prod-chat', productName: chat.name, purchaserId: MAYA.personId, licenses: 2, assigned: {}, term: 'monthly', status: 'active', startedOn: today, renewsOn: addMonths(today, 1), unitPrice: chat.prices.monthly, currency: chat.currency, paymentMethodId },
  };
}

describe('removing a card that pays a running subscription', () => {
  it('puts back the card a hostile client removes, in the same commit, with a notice', async () => {
    const rogue = await join(MAYA);
    const before = card(rogue, 'pm-visa');
    expect(before?.cardRef).toMatch(/^card_/);
    expect(await verdictOf(rogue, [{ op: 'remove', collection: 'paymentMethods', id: 'pm-visa' }])).toBe('stored');

    // The rogue got the correction; a fresh admin reader and the live mirror never saw the card gone.
    await until(() => card(rogue, 'pm-visa') !== undefined, 'the correction at the rogue');
    expect(card(await join(RILEY), 'pm-visa')).toEqual(before);
    expect(card(mirror, 'pm-visa')).toEqual(before);
    expect(seen.every((state) => 'pm-visa' in state.cards)).toBe(true);
    expect(await notices()).toContainEqual(expect.stringMatching(/^Visa ending 4242 still pays Contoso Chat, .* so it was kept\./));
  });

  it('removes a card nothing runs on', async () => {
    const honest = await join(MAYA);
    expect(await verdictOf(honest, [{ op: 'put', collection: 'paymentMethods', id: 'pm-unused', fields: { ...SPARE, last4: '0005', brand: 'amex' } }])).toBe('stored');
    expect(await verdictOf(honest, [{ op: 'remove', collection: 'paymentMethods', id: 'pm-unused' }])).toBe('stored');
    await until(() => card(mirror, 'pm-unused') === undefined, 'the removal at the admin mirror');
    expect(card(await join(RILEY), 'pm-unused')).toBeUndefined();
    expect(honest.refused).toEqual([]);
  });

  it('keeps the card an offline device removed while another device bought with it', async () => {
    const laptop = await join(MAYA);
    expect(await verdictOf(laptop, [{ op: 'put', collection: 'paymentMethods', id: 'pm-spare', fields: SPARE }])).toBe('stored');

    // The phone has the card, goes offline and removes it (honestly: it pays nothing the phone knows of)…
    const phone = await join(MAYA);
    await until(() => card(phone, 'pm-spare') !== undefined, 'the card on the phone');
    phone.destroy();
    applyChanges(phone.doc, [{ op: 'remove', collection: 'paymentMethods', id: 'pm-spare' }], null);
    // …while the laptop buys with it.
    expect(await verdictOf(laptop, [purchaseWith('sub-on-spare', 'pm-spare')])).toBe('stored');

    // Back online, the phone's removal is merged and corrected: the card stays, on every device.
    const back = await join(MAYA, phone.doc);
    await until(() => back.allStored(), 'the phone’s removal stored');
    expect(back.refused).toEqual([]);
    await until(() => card(back, 'pm-spare') !== undefined && card(laptop, 'pm-spare') !== undefined, 'the card back on both devices');
    expect(card(await join(RILEY), 'pm-spare')).toMatchObject({ last4: '4444' });
    // No admin ever saw the subscription without its card.
    expect(seen.some((state) => 'sub-on-spare' in state.subscriptions)).toBe(true);
    expect(seen.filter((state) => 'sub-on-spare' in state.subscriptions).every((state) => 'pm-spare' in state.cards)).toBe(true);
    expect(await notices()).toContain('Mastercard ending 4444 still pays Contoso Chat, so it was kept. Replace it with another card to stop using it.');
  });
});
