import type { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPurchaserService } from '../../../../extension/background/purchaser-service';
import { createSyncService, type SessionStorage } from '../../../../extension/background/sync/sync-service';
import { applyChanges } from '../../../../lib/doc/apply';
import { createPurchaserDoc } from '../../../../lib/doc/purchaser-doc';
import { demoOrg } from '../../../../lib/org/demo';
import { demoSeedChanges } from '../../../../lib/org/demo-seed';
import { demoOrgSource } from '../../../../lib/org/source';
import { PurchaserStore } from '../../../../extension/store/purchaser-store';
import { accountOrgSource } from '../../../../extension/background/account-org-source';
import type { Fetch } from '../../../../lib/sync/auth-client';
import { createOrgDoc, putOrgEntity, writeOrganization } from '../../../../lib/room/org-doc';
import type { Session } from '../../../../lib/sync/session';
import type { SyncMeta } from '../../../../lib/sync/status';
import { memoryDb } from '../../../fixtures/db';
import { until } from '../../../fixtures/until';
import { FakeSyncServer } from '../fake-sync-server';

const SERVER = 'http://127.0.0.1:8787';
const NOW = '2026-11-26T12:00:00.000Z';
const ORG = 'org-northwind';
const MAYA = 'person-01';
const PURCHASER_ROOM = `purchaser/${ORG}/${MAYA}`;

/** The sync server's HTTP side: one-time codes, single-use refresh tokens, 15-minute access tokens. */
class FakeAuth {
  clock = Date.parse(NOW);
  codes = new Set(['GOOD-CODE']);
  refreshTokens = new Set<string>();
  refreshCalls = 0;
  role = 'purchaser';
  private issued = 0;

  constructor(private readonly server: FakeSyncServer) {}

  fetch: Fetch = async (url, init) => {
    const body = JSON.parse(init.body) as { code?: string; refreshToken?: string };
    const path = new URL(url).pathname;
    if (path === '/api/refresh') this.refreshCalls++;
    const ok = path === '/api/sign-in' ? this.codes.delete(body.code ?? '') : this.refreshTokens.delete(body.refreshToken ?? '');
    if (!ok) return { ok: false, status: 401, json: async () => ({ error: 'This code is unknown, used or expired.' }) };
    const n = ++this.issued;
    this.server.validTokens.add(`access-${n}`);
    this.refreshTokens.add(`refresh-${n}`);
    const reply = {
      accessToken: `access-${n}`,
      refreshToken: `refresh-${n}`,
      expiresAt: new Date(this.clock + 15 * 60_000).toISOString(),
      orgId: ORG,
      personId: MAYA,
      role: this.role,
      name: 'Maya Okafor',
    };
    return { ok: true, status: 200, json: async () => reply };
  };
}

/** The server's rooms as the CLI's demo seed leaves them: the organization, and Maya's subscriptions. */
function seededServer(): FakeSyncServer {
  const server = new FakeSyncServer();
  const org = demoOrg();
  const orgDoc = createOrgDoc();
  writeOrganization(orgDoc, org.organization);
  for (const product of org.catalog) putOrgEntity(orgDoc, 'catalog', product);
  for (const person of org.directory) putOrgEntity(orgDoc, 'directory', person);
  Y.applyUpdate(server.room(`org/${ORG}`), Y.encodeStateAsUpdate(orgDoc));
  const purchaserDoc = createPurchaserDoc();
  applyChanges(purchaserDoc, demoSeedChanges(org, NOW), null);
  Y.applyUpdate(server.room(PURCHASER_ROOM), Y.encodeStateAsUpdate(purchaserDoc));
  return server;
}

interface Timer {
  run: () => void;
  ms: number;
}

const running: { stop(): void }[] = [];
afterEach(() => {
  for (const sync of running.splice(0)) sync.stop();
});

/** One start of the background (service worker): pass the same factory and storage to restart it. */
function background(server: FakeSyncServer, auth: FakeAuth, saved: { session?: unknown } = {}, factory?: IDBFactory) {
  const { db, factory: usedFactory } = memoryDb(factory);
  const store = new PurchaserStore(db);
  const sessions: SessionStorage = {
    load: async () => saved.session,
    save: async (session) => void (saved.session = structuredClone(session)),
    clear: async () => void delete saved.session,
  };
  const timers: Timer[] = [];
  const sync = createSyncService({
    db,
    store,
    sessions,
    fetch: auth.fetch,
    WebSocket: server.WebSocket,
    now: () => auth.clock,
    timers: {
      set: (run, ms) => {
        const timer = { run, ms };
        timers.push(timer);
        return timer;
      },
      clear: (handle) => void timers.splice(timers.indexOf(handle as Timer) >>> 0, 1),
    },
  });
  running.push(sync);
  let n = 0;
  const service = createPurchaserService({ db, store, sync, orgSource: accountOrgSource(db, demoOrgSource), now: () => NOW, newId: () => `id-${++n}` });
  const syncMeta = async () => (await db.meta.get('sync'))?.value as SyncMeta | undefined;
  const state = async (expected: Partial<Record<string, unknown>>) =>
    until(async () => {
      const meta = await syncMeta();
      return meta && Object.entries(expected).every(([k, v]) => (meta as Record<string, unknown>)[k] === v) && meta;
    }, `sync row ${JSON.stringify(expected)}`);
  return { db, store, sync, service, timers, saved, factory: usedFactory, syncMeta, state };
}

const licensesOn = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('subscriptions').get(id)?.get('licenses');

async function signedIn(server = seededServer(), role = 'purchaser') {
  const auth = new FakeAuth(server);
  auth.role = role;
  const bg = background(server, auth);
  await bg.service.handle({ type: 'ready' });
  expect(await bg.service.handle({ type: 'signIn', serverUrl: `${SERVER}/`, code: 'GOOD-CODE' })).toMatchObject({ ok: true, message: 'Signed in as Maya Okafor.' });
  await bg.state({ state: 'online', waiting: 0 });
  await until(async () => (await bg.db.products.count()) > 0, 'the catalog from the org room');
  return { server, auth, ...bg };
}

describe('sync service', { timeout: 20_000 }, () => {
  it('signs in: the demo data gives way to the account’s, the org room fills the catalog, all changes synced', async () => {
    const { db, saved, state, server } = await signedIn();
    expect(await state({ state: 'online' })).toMatchObject({ waiting: 0, serverUrl: SERVER, name: 'Maya Okafor', role: 'purchaser' });
    expect((await db.meta.get('account'))?.value).toEqual({ serverUrl: SERVER, orgId: ORG, personId: MAYA });
    await until(async () => (await db.people.count()) === demoOrg().directory.length, 'the directory from the org room');
    expect((await db.subscriptions.toArray()).map((s) => s.id).sort()).toEqual(
      [...server.room(PURCHASER_ROOM).getMap('subscriptions').keys()].sort(),
    );
    // Storage holds the server and tokens, nothing of the purchaser's data.
    expect(Object.keys(saved.session as Session).sort()).toEqual(
      ['accessToken', 'expiresAt', 'name', 'orgId', 'personId', 'refreshToken', 'role', 'serverUrl'].sort(),
    );
  });

  it('answers sign-in problems as field errors', async () => {
    const server = seededServer();
    const auth = new FakeAuth(server);
    const { service } = background(server, auth);
    await service.handle({ type: 'ready' });
    expect(await service.handle({ type: 'signIn', serverUrl: 'sync.example', code: 'GOOD-CODE' })).toMatchObject({ ok: false, errors: { serverUrl: expect.any(String) } });
    expect(await service.handle({ type: 'signIn', serverUrl: SERVER, code: ' ' })).toMatchObject({ ok: false, errors: { code: expect.any(String) } });
    expect(await service.handle({ type: 'signIn', serverUrl: SERVER, code: 'USED' })).toEqual({
      ok: false,
      errors: { code: 'This code is unknown, used or expired.' },
    });
    auth.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const { service: offline } = background(server, auth);
    expect(await offline.handle({ type: 'signIn', serverUrl: SERVER, code: 'GOOD-CODE' })).toMatchObject({ ok: false, errors: { serverUrl: expect.stringContaining('Could not reach') } });
  });

  it('sends a command to the server and says so once it is stored', async () => {
    const { db, service, server, state } = await signedIn();
    const sub = (await db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 105 } })).toMatchObject({ ok: true });
    await until(() => licensesOn(server.room(PURCHASER_ROOM), sub.id) === 105, 'the server to store 105 licenses');
    expect(await state({ state: 'online', waiting: 0 })).toHaveProperty('lastSyncedAt');
  });

  it('after a refusal, syncs a fresh copy, undoes the refused change, keeps the others and says so', async () => {
    const { db, service, server, state, sync } = await signedIn();
    const sub = (await db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    const other = (await db.subscriptions.toArray()).find((s) => s.id !== sub.id && s.status === 'active' && s.licenses > Object.keys(s.assigned).length)!;
    const person = (await db.people.toArray()).find((p) => !(p.id in other.assigned))!;
    sync.stop();
    server.refuseNext = `subscriptions.${sub.id}.licenses: Too big`;
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 105 } })).toMatchObject({ ok: true });
    expect(await service.handle({ type: 'command', name: 'assign', input: { subscriptionId: other.id, personIds: [person.id] } })).toMatchObject({ ok: true });
    // Back online: both changes go in one update, which the server refuses.
    await sync.wake();
    await until(async () => ((await db.meta.get('notices'))?.value as { message: string }[] | undefined)?.length === 1, 'the notice of what was undone');
    const [notice] = (await db.meta.get('notices'))!.value as { message: string }[];
    expect(notice!.message).toContain(`undid “Added 5 licenses to ${sub.productName}”`);
    await until(async () => (await db.subscriptions.get(sub.id))?.licenses === 100, 'the fresh copy without the refused change');
    await until(() => person.id in ((server.room(PURCHASER_ROOM).getMap<Y.Map<unknown>>('subscriptions').get(other.id)!.get('assigned') as Y.Map<unknown>).toJSON()), 'the assignment made after it, on the server');
    expect(await state({ state: 'online', waiting: 0 })).not.toHaveProperty('problem');
  });

  it('receives another device’s change into the document and the tables', async () => {
    const { db, server } = await signedIn();
    const room = server.room(PURCHASER_ROOM);
    const id = [...room.getMap('subscriptions').keys()][0]!;
    room.getMap<Y.Map<unknown>>('subscriptions').get(id)!.set('licenses', 77);
    await until(async () => (await db.subscriptions.get(id))?.licenses === 77, 'the remote change in Dexie');
  });

  it('keeps offline edits through a restart and sends them when it connects again', async () => {
    const first = await signedIn();
    const { server, auth, saved, factory } = first;
    first.sync.stop();
    server.closeAll(1006, 'network down');
    const sub = (await first.db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    await first.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 90 } });
    await first.db.close();

    // Days later: the worker starts again with the stored session and document.
    auth.clock += 3 * 24 * 60 * 60_000;
    const second = background(server, auth, saved, factory);
    await second.service.handle({ type: 'ready' });
    await until(() => licensesOn(server.room(PURCHASER_ROOM), sub.id) === 90, 'the offline edit to reach the server');
    await second.state({ state: 'online', waiting: 0 });
    // The expired access token was renewed before connecting, not after a refusal.
    expect(server.attempts.at(-1)?.token).toBe((saved.session as Session).accessToken);
    expect(auth.refreshCalls).toBe(1);
  });

  it('renews the access token before it expires and reconnects with it', async () => {
    const { timers, auth, server, saved, state } = await signedIn();
    const renewal = timers.at(-1)!;
    expect(renewal.ms).toBe(13 * 60_000);
    auth.clock += renewal.ms;
    renewal.run();
    await until(() => (saved.session as Session).accessToken === 'access-2', 'the new access token to be stored');
    await until(() => server.attempts.filter((a) => a.room === PURCHASER_ROOM).at(-1)?.token === 'access-2', 'a connection with the new token');
    await state({ state: 'online' });
    expect(auth.refreshTokens).toEqual(new Set(['refresh-2']));
  });

  it('on 4401 refreshes once and reconnects; when the refresh is refused, asks to sign in again', async () => {
    const { auth, server, saved, state, service } = await signedIn();
    server.closeAll(4401, 'Access token expired');
    await until(() => (saved.session as Session | undefined)?.accessToken === 'access-2', 'a refresh after 4401');
    await until(() => server.sockets.size === 3 && server.attempts.slice(-3).every((a) => a.token === 'access-2'), 'the three rooms back with the new token');
    await state({ state: 'online' });
    expect(auth.refreshCalls).toBe(1);

    auth.refreshTokens.clear();
    server.closeAll(4401, 'Access token expired');
    const meta = await state({ state: 'signed-out' });
    expect(meta).toMatchObject({ serverUrl: SERVER, name: 'Maya Okafor', waiting: 0 });
    expect(saved.session).toBeUndefined();
    // Local work goes on, and is counted as waiting.
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } })).toMatchObject({ ok: true });
    await state({ state: 'signed-out', waiting: 1 });
  });

  it('answers three rooms closing with 4401 during one slow refresh with that refresh, and all three reconnect', async () => {
    const { auth, server, saved, state } = await signedIn();
    const fetch = auth.fetch;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    auth.fetch = async (url, init) => {
      await held;
      return fetch(url, init);
    };
    server.closeAll(4401, 'Access token expired');
    await until(() => server.sockets.size === 0, 'the three rooms closed');
    // Each room's close is heard before the refresh answers.
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await until(() => (saved.session as Session | undefined)?.accessToken === 'access-2', 'the refresh');
    await until(() => server.sockets.size === 3, 'the three rooms back');
    expect(await state({ state: 'online', waiting: 0 })).toMatchObject({ name: 'Maya Okafor' });
    expect(auth.refreshCalls).toBe(1);
    expect(server.attempts.slice(-3).map((a) => a.token)).toEqual(['access-2', 'access-2', 'access-2']);
  });

  it('asks to sign in again when the server refuses the room (4403)', async () => {
    const { server, state } = await signedIn();
    server.closeAll(4403, 'Your access to this organization changed; sign in again');
    expect(await state({ state: 'signed-out' })).toMatchObject({ message: 'Your access to this organization changed; sign in again' });
  });

  it('signs out keeping a read-only copy: tokens forgotten, data kept, no change made to it; the demo reset still works', async () => {
    const { db, service, saved, state, server } = await signedIn();
    expect(await service.handle({ type: 'resetDemo' })).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
    const count = await db.subscriptions.count();
    expect(await service.handle({ type: 'signOut', keep: true })).toMatchObject({ ok: true });
    expect(await state({ state: 'local' })).toEqual({ state: 'local', keptFrom: { name: 'Maya Okafor', serverUrl: SERVER } });
    expect(saved.session).toBeUndefined();
    expect(await db.subscriptions.count()).toBe(count);
    expect(server.sockets.size).toBe(0);
    const refused = { ok: false, errors: { form: expect.stringContaining('read-only copy of Maya Okafor’s data') } };
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } })).toMatchObject(refused);
    expect(await service.handle({ type: 'undo' })).toMatchObject(refused);
    expect(await service.handle({ type: 'resetDemo' })).toMatchObject({ ok: true });
    expect(await db.meta.get('account')).toBeUndefined();
    expect(await state({ state: 'local' })).toEqual({ state: 'local' });
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } })).toMatchObject({ ok: true });
  });

  it('keeps the copy read-only through a restart, and the same account signing in again syncs on from it', async () => {
    const first = await signedIn();
    const { server, auth, saved, factory } = first;
    await first.service.handle({ type: 'signOut', keep: true });
    await first.state({ state: 'local' });
    first.sync.stop();
    await first.db.close();

    const second = background(server, auth, saved, factory);
    await second.service.handle({ type: 'ready' });
    expect(await second.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } })).toMatchObject({ ok: false });
    auth.codes.add('CODE-2');
    expect(await second.service.handle({ type: 'signIn', serverUrl: SERVER, code: 'CODE-2' })).toMatchObject({ ok: true });
    await second.state({ state: 'online', waiting: 0 });
    expect(await second.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } })).toMatchObject({ ok: true });
    await until(() => licensesOn(server.room(PURCHASER_ROOM), 'sub-chat') === 101, 'the change made signed in again to reach the server');
  });

  it('signs out removing the account’s data: nothing of it is left in IndexedDB, and the device shows the demo', async () => {
    const server = seededServer();
    const onlyInAccount = createPurchaserDoc();
    Y.applyUpdate(onlyInAccount, Y.encodeStateAsUpdate(server.room(PURCHASER_ROOM)));
    onlyInAccount.getMap<Y.Map<unknown>>('subscriptions').get('sub-chat')!.set('productName', 'Account-only Chat');
    Y.applyUpdate(server.room(PURCHASER_ROOM), Y.encodeStateAsUpdate(onlyInAccount));
    const { db, service, saved, state } = await signedIn(server);
    await until(async () => (await db.subscriptions.get('sub-chat'))?.productName === 'Account-only Chat', 'the account’s data on the device');

    expect(await service.handle({ type: 'signOut', keep: false })).toMatchObject({ ok: true, message: expect.stringContaining('removed') });
    expect(await state({ state: 'local' })).toEqual({ state: 'local' });
    expect(saved.session).toBeUndefined();
    const dump = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())), (_key, value: unknown) =>
      value instanceof Uint8Array ? Array.from(value) : value,
    );
    expect(dump).not.toContain('Account-only Chat');
    for (const key of ['account', 'journal', 'payments', 'awaitingCharge', 'notices', 'localNotices']) expect(await db.meta.get(key as never)).toBeUndefined();
    // As on first start: the demo, local only, editable.
    expect((await db.subscriptions.get('sub-chat'))?.productName).not.toBe('Account-only Chat');
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } })).toMatchObject({ ok: true });
  });

  it('follows the store when it replaces its document', async () => {
    const { store, db, server } = await signedIn();
    const count = server.room(PURCHASER_ROOM).getMap('subscriptions').size;
    await store.reset();
    await until(async () => (await db.subscriptions.count()) === count, 'the new document to fill from the server');
    expect(store.doc.getMap('subscriptions').size).toBe(count);
  });

  it('keeps an admin’s document read-only: the server takes only purchasers’ changes', async () => {
    const { service, state } = await signedIn(seededServer(), 'admin');
    expect(await state({ state: 'online' })).toMatchObject({ role: 'admin' });
    const reply = await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: 'sub-chat', total: 101 } });
    expect(reply).toMatchObject({ ok: false, errors: { form: expect.stringContaining('admin') } });
  });

  it('says offline, not connecting, while the server stays unreachable, and online once it is back', async () => {
    const { server, state } = await signedIn();
    server.down = true;
    server.closeAll(1006, '');
    await state({ state: 'offline' });
    const attempts = server.attempts.length;
    await until(() => server.attempts.length >= attempts + 4, 'a few reconnection attempts');
    await state({ state: 'offline' });
    server.down = false;
    await state({ state: 'online', waiting: 0 });
  });
});
