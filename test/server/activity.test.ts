import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../lib/activity/activity-entry';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import { addMonths, formatDay, toIsoDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { demoOrg } from '../../lib/org/demo';
import { MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

/**
 * The activity log against a real server process: a purchaser's client (a hand-written y-websocket
 * client with Maya's real token) changes licenses, assigns, cancels and reactivates; an admin reads
 * the log over HTTP, before and after a restart; nobody else can.
 */
const DEMO = demoOrg();
const data = tempDataDir();
let server: ServerProcess;
let maya: Client;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
  maya = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
});

afterAll(async () => {
  maya?.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

async function write(changes: readonly Change[]): Promise<void> {
  const stored = maya.stored.length;
  applyChanges(maya.doc, changes, null);
  await until(() => maya.stored.length > stored && maya.allStored(), 'the server to store the change');
}

async function activity(token: string, query = ''): Promise<{ status: number; entries?: ActivityEntry[] }> {
  const response = await fetch(`${server.url}/api/admin/activity${query}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { entries?: ActivityEntry[] };
  return { status: response.status, entries: body.entries };
}

const line = (entry: ActivityEntry) => `${entry.by} ${entry.productName} ${entry.field}: ${entry.before} → ${entry.after}`;

describe('the activity log', () => {
  it('shows each change with before → after, in order, a server correction too, and again after a restart', async () => {
    const name = withAdmin(data.dir, (admin) => admin.org(ORG)!.directory['person-20']!.displayName);
    const at = new Date().toISOString();
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 101 } }]);
    await write([{ op: 'mapSet', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', entries: { 'person-20': at } }]);
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { status: 'canceled', cancellation: { reason: 'too_expensive', feedback: '', canceledAt: at } } }]);
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { status: 'active' } }, { op: 'unset', collection: 'subscriptions', id: 'sub-chat', field: 'cancellation' }]);
    // Past Contoso Chat's 500: the server caps it, and says so.
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 900 } }]);

    const expected = [
      'purchaser Contoso Chat licenses: 100 → 101',
      `purchaser Contoso Chat assigned:  → ${name}`,
      'purchaser Contoso Chat status: Active → Canceled (Too expensive)',
      'purchaser Contoso Chat status: Canceled (Too expensive) → Active',
      'purchaser Contoso Chat licenses: 101 → 500',
      'server Contoso Chat correction:  → Contoso Chat can have at most 500 licenses, so it has 500 licenses, not 900. You are billed for 500.',
    ];
    const admin = await mint(data.dir, RILEY);
    const read = await activity(admin);
    expect(read.status).toBe(200);
    expect(read.entries!.map(line)).toEqual(expected);
    expect(read.entries![0]).toMatchObject({ purchaserId: MAYA.personId, purchaserName: 'Maya Okafor', subscriptionId: 'sub-chat', productId: 'prod-chat', device: 'unknown client' });

    await server.kill();
    server = await startServer(data.dir, { port: server.port });
    expect((await activity(admin)).entries!.map(line)).toEqual(expected);
  });

  it('tells the admins’ console of a purchase, a license change and a cancellation within 2 s, with the price', async () => {
    const console = await connectSynced(server.wsUrl, room.summary(ORG), await mint(data.dir, RILEY));
    try {
      const messages = () => [...console.doc.getMap<{ message: string; at: string }>('notifications').values()].sort((a, b) => a.at.localeCompare(b.at)).map((n) => n.message);
      const before = messages().length;
      const today = toIsoDate(new Date().toISOString());
      const design = DEMO.catalog.find((p) => p.id === 'prod-design')!;
      await write([{ op: 'put', collection: 'subscriptions', id: 'sub-bought', fields: { productId: design.id, productName: design.name, purchaserId: MAYA.personId, licenses: 3, assigned: {}, term: 'annual', status: 'active', startedOn: today, renewsOn: addMonths(today, 12), unitPrice: design.prices.annual, currency: design.currency, paymentMethodId: 'pm-visa' } }]);
      await until(() => messages().length === before + 1, 'the purchase notification', 2_000);
      expect(messages().at(-1)).toBe(`Maya Okafor bought 3 licenses of ${design.name} — ${formatMoney(3 * design.prices.annual, design.currency)} / year`);
      await write([{ op: 'put', collection: 'subscriptions', id: 'sub-bought', fields: { licenses: 5 } }]);
      await until(() => messages().length === before + 2, 'the license notification', 2_000);
      expect(messages().at(-1)).toBe(`Maya Okafor added 2 licenses of ${design.name}, now 5 — ${formatMoney(5 * design.prices.annual, design.currency)} / year`);
      await write([{ op: 'put', collection: 'subscriptions', id: 'sub-bought', fields: { status: 'canceled', cancellation: { reason: 'other', feedback: '', canceledAt: new Date().toISOString() } } }]);
      await until(() => messages().length === before + 3, 'the cancellation notification', 2_000);
      // Canceled within 7 days of the purchase: the server ends it today and refunds the rest.
      expect(messages().at(-1)).toBe(`Maya Okafor canceled ${design.name} (Other) — it ends on ${formatDay(today)}`);
    } finally {
      console.destroy();
    }
  });

  it('filters by purchaser, product and day', async () => {
    const admin = await mint(data.dir, RILEY);
    const today = toIsoDate(new Date().toISOString());
    expect((await activity(admin, `?purchaserId=${MAYA.personId}&productId=prod-chat&from=${today}&to=${today}`)).entries).toHaveLength(6);
    expect((await activity(admin, '?productId=prod-notes')).entries).toEqual([]);
    expect((await activity(admin, '?productId=prod-design')).entries!.map(line)).toEqual([
      `purchaser ${DEMO.catalog.find((p) => p.id === 'prod-design')!.name} subscription:  → Bought 3 licenses, annual`,
      expect.stringMatching(/licenses: 3 → 5$/),
      expect.stringMatching(/status: Active → Canceled \(Other\)$/),
      expect.stringMatching(/correction:  → .* was canceled within 7 days of its purchase, so it ends today and the unused part is refunded\.$/),
    ]);
    expect((await activity(admin, '?from=2099-01-01')).entries).toEqual([]);
    expect((await activity(admin, '?from=yesterday')).status).toBe(400);
  });

  it('is for the organization’s admins only: a purchaser’s token, no token or another organization’s admin read nothing of it', async () => {
    expect((await activity(await mint(data.dir, MAYA))).status).toBe(401);
    expect((await fetch(`${server.url}/api/admin/activity`)).status).toBe(401);
    const otherAdmin = await activity(await mint(data.dir, { orgId: 'org-b', personId: 'bea', role: 'admin' }));
    expect(otherAdmin).toEqual({ status: 200, entries: [] });
  });
});

