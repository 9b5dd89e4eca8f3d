import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSummary, type SummaryEntry } from '../../lib/room/summary';
import { loadRoomDoc } from '../../server/room-log';
import { MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectSynced, mint, startServer, tempDataDir, until, withAdmin, type Client, type ServerProcess } from './harness';

const data = tempDataDir();
let server: ServerProcess;
const clients: Client[] = [];
const track = (client: Client) => (clients.push(client), client);

const sub = (client: Client, id: string) => client.doc.getMap<Y.Map<unknown>>('subscriptions').get(id);
const entries = (client: Client) => (readSummary(client.doc) as { entries: Record<string, SummaryEntry> }).entries;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

describe('purchaser and admin', () => {
  it("shows a purchaser's change to an admin in the purchaser room and in the summary room", async () => {
    const maya = track(await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA)));
    const adminToken = await mint(data.dir, RILEY);
    const mirror = track(await connectSynced(server.wsUrl, room.purchaser(MAYA), adminToken));
    const summary = track(await connectSynced(server.wsUrl, room.summary(ORG), adminToken));
    expect(sub(mirror, 'sub-chat')?.get('licenses')).toBe(100);
    await until(() => entries(summary)['person-01/sub-chat']?.licenses === 100, 'the seeded summary');

    sub(maya, 'sub-chat')!.set('licenses', 120);
    await until(() => sub(mirror, 'sub-chat')?.get('licenses') === 120, 'the admin mirror to see 120 licenses');
    await until(() => entries(summary)['person-01/sub-chat']?.licenses === 120, 'the summary to see 120 licenses');
    expect(entries(summary)['person-01/sub-chat']).toMatchObject({ purchaserName: 'Maya Okafor', productName: 'Contoso Chat', assignedCount: 12, termPrice: 150_000 });
    await until(() => maya.allStored(), 'the stored acknowledgement');
  });

  it("refuses an admin's write: not applied, not broadcast, not stored; the admin keeps receiving", async () => {
    const maya = track(await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA)));
    const admin = track(await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, RILEY)));

    sub(admin, 'sub-notes')!.set('licenses', 999);
    await until(() => admin.refused.length > 0, 'the refusal');
    expect(admin.refused[0]).toMatchObject({ code: 'read-only' });
    expect(admin.provider.wsconnected).toBe(true);

    // Anything broadcast to Maya before the refusal reaches her before the acknowledgement of her own write.
    const acks = maya.stored.length;
    sub(maya, 'sub-design')!.set('licenses', 11);
    await until(() => maya.stored.length > acks && maya.allStored(), "Maya's acknowledgement");
    expect(sub(maya, 'sub-notes')?.get('licenses')).toBe(25);
    await until(() => sub(admin, 'sub-design')?.get('licenses') === 11, "the admin to receive Maya's later change");

    await server.kill('SIGTERM');
    const stored = withAdmin(data.dir, (a) => loadRoomDoc(a.store, { kind: 'purchaser', orgId: ORG, personId: MAYA.personId }).doc);
    expect(stored.getMap<Y.Map<unknown>>('subscriptions').get('sub-notes')?.get('licenses')).toBe(25);
    expect(stored.getMap<Y.Map<unknown>>('subscriptions').get('sub-design')?.get('licenses')).toBe(11);

    server = await startServer(data.dir);
    const fresh = track(await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA)));
    expect(sub(fresh, 'sub-notes')?.get('licenses')).toBe(25);
    expect(sub(fresh, 'sub-design')?.get('licenses')).toBe(11);
  });

  it('brings a change the CLI makes while the server runs to connected clients', async () => {
    const org = track(await connectSynced(server.wsUrl, room.org(ORG), await mint(data.dir, MAYA)));
    withAdmin(data.dir, (a) =>
      a.addPerson({ id: 'person-new', orgId: ORG, displayName: 'Nadia New', email: 'nadia@northwind.example', department: 'Sales' }),
    );
    await until(() => org.doc.getMap<Y.Map<unknown>>('directory').get('person-new')?.get('displayName') === 'Nadia New', 'the new person');
  });
});
