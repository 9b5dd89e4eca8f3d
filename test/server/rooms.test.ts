import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Organization, Person } from '../../lib/org/schemas';
import { putOrgEntity, writeOrganization } from '../../lib/sync/org-doc';
import { openDb, type Db } from '../../server/db';
import { appendChange, loadRoomDoc } from '../../server/room-log';
import { Rooms, type Peer } from '../../server/rooms';
import { UpdateStore } from '../../server/storage';
import { tempDataDir } from './harness';

const ORG_ROOM = { kind: 'org', orgId: 'org-a' } as const;
let data: ReturnType<typeof tempDataDir>;
let server: Db;
let cli: Db;

beforeEach(() => {
  data = tempDataDir();
  server = openDb(data.dir);
  cli = openDb(data.dir);
  appendChange(new UpdateStore(cli), ORG_ROOM, (doc) => writeOrganization(doc, org('Start')));
});
afterEach(() => {
  server.close();
  cli.close();
  data.remove();
});

const person = (name: string): Person => ({ id: `p-${name}`, orgId: 'org-a', displayName: name, email: `${name}@a.example`, department: '' });
const org = (name: string): Organization => ({ id: 'org-a', name, domain: 'a.example', taxRateBps: 0, currency: 'USD' });

describe('Rooms', () => {
  it('applies and broadcasts rows another process appended, and compaction keeps them', () => {
    const store = new UpdateStore(server);
    const rooms = new Rooms(store, { compactAfter: 3, maxDocBytes: 1 << 20 });
    const room = rooms.open(ORG_ROOM);
    const heard: Uint8Array[] = [];
    const peer: Peer = { send: (m) => void heard.push(m) };
    rooms.join(room, peer);

    const cliStore = new UpdateStore(cli);
    for (const name of ['A', 'B', 'C', 'D']) {
      appendChange(cliStore, ORG_ROOM, (doc) => putOrgEntity(doc, 'directory', person(name)));
    }
    // The server compacts before it polled: the CLI's rows must be folded in, not dropped.
    rooms.write(room, (doc) => doc.getMap('organization').set('name', 'Server'));
    rooms.write(room, (doc) => doc.getMap('organization').set('domain', 'server.example'));
    rooms.write(room, (doc) => doc.getMap('organization').set('taxRateBps', 5));
    expect(heard.length).toBeGreaterThan(3);
    expect(store.count('org/org-a')).toBe(1);

    const stored = loadRoomDoc(store, ORG_ROOM).doc;
    expect(stored.getMap('organization').toJSON()).toMatchObject({ name: 'Server', domain: 'server.example', taxRateBps: 5 });
    expect([...stored.getMap('directory').keys()].sort()).toEqual(['p-A', 'p-B', 'p-C', 'p-D']);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(Y.encodeStateAsUpdate(loadRoomDoc(store, ORG_ROOM).doc));
  });

  it('refuses an update from a reader and an invalid one, storing neither', () => {
    const store = new UpdateStore(server);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 });
    const room = rooms.open({ kind: 'purchaser', orgId: 'org-a', personId: 'p1' });
    const client = new Y.Doc();
    client.getMap('subscriptions').set('s1', new Y.Map());
    const update = Y.encodeStateAsUpdate(client);
    const peer: Peer = { send: () => undefined };
    expect(rooms.receive(room, update, peer, false)).toMatchObject({ ok: false, refusal: { code: 'read-only' } });
    expect(rooms.receive(room, update, peer, true)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(store.count('purchaser/org-a/p1')).toBe(0);
    expect(rooms.receive(room, Y.encodeStateAsUpdate(new Y.Doc()), peer, false)).toEqual({ ok: true });
  });

  it('refuses an update that would grow the room past its size limit', () => {
    const rooms = new Rooms(new UpdateStore(server), { compactAfter: 100, maxDocBytes: 2_000 });
    const room = rooms.open({ kind: 'purchaser', orgId: 'org-a', personId: 'p1' });
    const client = new Y.Doc();
    const ticket = new Y.Map<unknown>();
    client.getMap('supportRequests').set('r1', ticket);
    ticket.set('message', 'x'.repeat(3_000));
    expect(rooms.receive(room, Y.encodeStateAsUpdate(client), { send: () => undefined }, true)).toMatchObject({ ok: false, refusal: { code: 'too-large' } });
  });
});
