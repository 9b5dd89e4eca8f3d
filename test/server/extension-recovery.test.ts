import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ShownNotice } from '../../lib/sync/server-notices';
import type { SyncService } from '../../extension/background/sync/sync-service';
import { MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { until } from '../fixtures/until';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type ServerProcess } from './harness';
import { startNetworkCut, type NetworkCut } from './network-cut';
import { nodeDevice } from './node-device';

/**
 * The extension's background (in Node) against the real server, when the server refuses one of its
 * changes, as it would a bug's: the device syncs a fresh copy, undoes what was refused, keeps the
 * command made after it, tells the purchaser, and ends in sync.
 */
const data = tempDataDir();
let server: ServerProcess;
let link: NetworkCut;
let sync: SyncService | undefined;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
  link = await startNetworkCut({ host: '127.0.0.1', port: server.port });
});

afterAll(async () => {
  sync?.stop();
  await link?.close();
  await server?.kill('SIGKILL');
  data.remove();
});

const subscription = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('subscriptions').get(id);

describe('a refused change', () => {
  it('is undone on the device, the later command is kept and synced, and the purchaser is told', async () => {
    const device = await nodeDevice('maya');
    sync = device.sync;
    const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
    expect(await device.service.handle({ type: 'signIn', serverUrl: link.url, code })).toMatchObject({ ok: true });
    await device.synced(30_000);
    await until(async () => (await device.db.people.count()) > 0 && !!(await device.db.subscriptions.get('sub-design')), 'the directory and the purchaser room');
    const design = (await device.db.subscriptions.get('sub-design'))!;
    const renewsOn = design.renewsOn;
    const person = (await device.db.people.toArray()).find((p) => !(p.id in design.assigned))!;

    link.cut();
    await until(async () => (await device.meta())?.state === 'offline', 'the device offline');
    // A buggy change no command makes: the renewal date moved ten years ahead.
    await device.store.apply([{ op: 'put', collection: 'subscriptions', id: 'sub-design', fields: { renewsOn: '2036-01-01' } }]);
    // And an honest command after it, on the same subscription.
    expect(await device.service.handle({ type: 'command', name: 'assign', input: { subscriptionId: 'sub-design', personIds: [person.id] } })).toMatchObject({ ok: true });
    link.restore();

    await until(async () => (((await device.db.meta.get('notices'))?.value as ShownNotice[] | undefined) ?? []).length > 0, 'the notice of what was undone', 30_000);
    const [notice] = (await device.db.meta.get('notices'))!.value as ShownNotice[];
    expect(notice!.message).toBe('The sync server refused a change from this device (subscriptions.sub-design.renewsOn: set by the server only), so Seatkeeper undid it. Everything else you did is kept.');
    await device.synced(30_000);
    expect((await device.db.subscriptions.get('sub-design'))?.renewsOn).toBe(renewsOn);
    expect((await device.db.subscriptions.get('sub-design'))?.assigned).toHaveProperty(person.id);

    const reader = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY));
    try {
      expect(subscription(reader.doc, 'sub-design')?.get('renewsOn')).toBe(renewsOn);
      expect((subscription(reader.doc, 'sub-design')?.get('assigned') as Y.Map<unknown>).has(person.id)).toBe(true);
    } finally {
      reader.destroy();
    }
  });
});
