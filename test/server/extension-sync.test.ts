import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncService } from '../../extension/background/sync/sync-service';
import { MAYA, ORG, RILEY, seedTwoOrgs } from './fixture';
import { until } from '../fixtures/until';
import { startServer, tempDataDir, withAdmin, type ServerProcess } from './harness';
import { nodeDevice } from './node-device';

/**
 * The extension's background, run in Node against the real sync server in a child process: two
 * devices of the same purchaser sign in with one-time codes, and what one does the other sees.
 */
const data = tempDataDir();
let server: ServerProcess;
const devices: SyncService[] = [];

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  for (const sync of devices) sync.stop();
  await server?.kill('SIGKILL');
  data.remove();
});

function code(personId: string): string {
  return withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, personId));
}

/** One browser's background, signed in as `personId`. */
async function device(personId = MAYA.personId) {
  const { db, store, sync, service, meta, synced } = await nodeDevice(personId);
  devices.push(sync);
  const reply = await service.handle({ type: 'signIn', serverUrl: server.url, code: code(personId) });
  expect(reply).toMatchObject({ ok: true });
  await synced();
  await until(async () => (await db.products.count()) > 0, 'the catalog from the org room');
  // Only Maya has subscriptions in the seeded server.
  if (personId === MAYA.personId) await until(async () => (await db.subscriptions.count()) > 0, 'the purchaser room');
  return { db, store, sync, service, meta, synced };
}

describe('extension background against the sync server', () => {
  it('signs two devices in; a change on one reaches the other, and both say all changes synced', async () => {
    const laptop = await device();
    const desktop = await device();
    expect(await laptop.meta()).toMatchObject({ state: 'online', waiting: 0, name: 'Maya Okafor', role: 'purchaser', serverUrl: server.url });
    expect((await laptop.db.meta.get('organization'))?.value).toMatchObject({ id: ORG });

    const sub = (await laptop.db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    const reply = await laptop.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 104 } });
    expect(reply).toMatchObject({ ok: true });
    await until(async () => (await desktop.db.subscriptions.get(sub.id))?.licenses === 104, 'the desktop to see 104 licenses');
    await laptop.synced();
    expect(await laptop.meta()).toHaveProperty('lastSyncedAt');
  });

  it('keeps edits made while the server is down, counts them as waiting, and sends them within 2 s of it being back', async () => {
    const laptop = await device();
    const desktop = await device();
    const sub = (await laptop.db.subscriptions.toArray()).find((s) => s.licenses > 1 && Object.keys(s.assigned).length < s.licenses)!;
    const port = server.port;
    await server.kill('SIGTERM');
    await until(async () => (await laptop.meta())?.state === 'offline', 'the laptop to notice it is offline');

    await laptop.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: sub.licenses + 1 } });
    const offline = await until(async () => {
      const m = await laptop.meta();
      return m?.state === 'offline' && m.waiting > 0 && m;
    }, 'the waiting change');
    // The subscription only: the server issues the invoice once it has the change.
    expect(offline).toMatchObject({ waiting: 1 });

    server = await startServer(data.dir, { port });
    // Rooms retry at most 800 ms apart: within 2 s of the server listening, the edit has gone round.
    const listening = Date.now();
    await until(async () => (await desktop.db.subscriptions.get(sub.id))?.licenses === sub.licenses + 1, 'the offline edit to reach the desktop', 2_000);
    await laptop.synced(2_000 - (Date.now() - listening));
  }, 60_000);

  it('signs an admin in read-only, and a purchaser out with a read-only copy of their data kept', async () => {
    const admin = await device(RILEY.personId);
    expect(await admin.meta()).toMatchObject({ role: 'admin', state: 'online' });
    expect(await admin.service.handle({ type: 'undo' })).toMatchObject({ ok: false, errors: { form: expect.stringContaining('IT admin') } });

    const laptop = await device();
    const count = await laptop.db.subscriptions.count();
    const sub = (await laptop.db.subscriptions.toArray()).find((s) => s.status === 'active')!;
    expect(await laptop.service.handle({ type: 'signOut', keep: true })).toMatchObject({ ok: true });
    expect(await laptop.meta()).toEqual({ state: 'local', keptFrom: { name: 'Maya Okafor', serverUrl: server.url } });
    expect(await laptop.db.subscriptions.count()).toBe(count);
    expect(await laptop.service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: sub.licenses + 1 } })).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining('read-only copy') },
    });
  });
});
