import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import * as Y from 'yjs';
import { applyChanges } from '../../lib/doc/apply';
import { createPurchaserDoc } from '../../lib/doc/purchaser-doc';
import type { Organization, Person } from '../../lib/org/schemas';
import { MESSAGE_SYNC, readStored } from '../../lib/room/messages';
import { putOrgEntity, writeOrganization } from '../../lib/room/org-doc';
import { openDb, type Db } from '../../server/db';
import type { LogWriter } from '../../server/log-writer';
import { appendChange, loadRoomDoc } from '../../server/room-log';
import { Rooms, type Peer, type Room } from '../../server/rooms';
import { UpdateStore } from '../../server/storage';
import { putSubscription, subscription } from '../fixtures/subscription';
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

const PURCHASER_ROOM = { kind: 'purchaser', orgId: 'org-a', personId: 'p1' } as const;
const quiet: Peer = { send: () => undefined };

/** A client document holding one valid subscription, and the update that made it. */
function clientWithSubscription(): { client: Y.Doc; update: Uint8Array } {
  const client = createPurchaserDoc();
  applyChanges(client, [putSubscription(subscription())], null);
  return { client, update: Y.encodeStateAsUpdate(client) };
}

/** The update a change on the client makes. */
function edit(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  client.transact(() => change(client));
  return Y.encodeStateAsUpdate(client, before);
}

/** A writer whose commits wait until the test lets them go, first in first out. */
function heldWriter(store: UpdateStore): { writer: LogWriter; inFlight: (() => void)[] } {
  const inFlight: (() => void)[] = [];
  const writer: LogWriter = {
    write: (ops) => new Promise((resolve) => inFlight.push(() => resolve(store.write(ops)))),
    close: async () => undefined,
  };
  return { writer, inFlight };
}

/** A writer whose first commit fails as a full disk would; the next ones store. */
function failingOnceWriter(store: UpdateStore): LogWriter {
  let failNext = true;
  return {
    write: async (ops) => {
      if (!failNext) return store.write(ops);
      failNext = false;
      throw new Error('disk full');
    },
    close: async () => undefined,
  };
}

/** The org room, with a reader joined to it and what that reader heard. */
function orgRoomWithReader(rooms: Rooms): { room: Room; reader: Peer; heard: Uint8Array[] } {
  const room = rooms.open(ORG_ROOM);
  const heard: Uint8Array[] = [];
  const reader: Peer = { send: (m) => void heard.push(m) };
  rooms.join(room, reader);
  return { room, reader, heard };
}

/** The organization's name each sync step 2 among `messages` gives a document that had nothing. */
function repliedNames(messages: readonly Uint8Array[]): unknown[] {
  return messages.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== messageYjsSyncStep2) return [];
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    return [doc.getMap('organization').get('name')];
  });
}

const person = (name: string): Person => ({ id: `p-${name}`, orgId: 'org-a', displayName: name, email: `${name}@a.example`, department: '' });
const org = (name: string): Organization => ({ id: 'org-a', name, domain: 'a.example', taxRateBps: 0, currency: 'USD' });

describe('Rooms', () => {
  it('applies and broadcasts rows another process appended, and compaction keeps them', async () => {
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
    // The server's own writes are heard once they are stored.
    expect(heard).toEqual([]);
    await rooms.idle();
    expect(heard.length).toBeGreaterThan(3);
    expect(store.count('org/org-a')).toBe(1);

    const stored = loadRoomDoc(store, ORG_ROOM).doc;
    expect(stored.getMap('organization').toJSON()).toMatchObject({ name: 'Server', domain: 'server.example', taxRateBps: 5 });
    expect([...stored.getMap('directory').keys()].sort()).toEqual(['p-A', 'p-B', 'p-C', 'p-D']);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(Y.encodeStateAsUpdate(loadRoomDoc(store, ORG_ROOM).doc));
  });

  it('refuses an update from a reader and an invalid one, storing neither', async () => {
    const store = new UpdateStore(server);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 });
    const room = rooms.open({ kind: 'purchaser', orgId: 'org-a', personId: 'p1' });
    const client = new Y.Doc();
    client.getMap('subscriptions').set('s1', new Y.Map());
    const update = Y.encodeStateAsUpdate(client);
    const peer: Peer = { send: () => undefined };
    expect(await rooms.receive(room, update, peer, false)).toMatchObject({ ok: false, refusal: { code: 'read-only' } });
    expect(await rooms.receive(room, update, peer, true)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(store.count('purchaser/org-a/p1')).toBe(0);
    expect(await rooms.receive(room, Y.encodeStateAsUpdate(new Y.Doc()), peer, false)).toEqual({ ok: true });
  });

  it('refuses an update that would grow the room past its size limit', async () => {
    const rooms = new Rooms(new UpdateStore(server), { compactAfter: 100, maxDocBytes: 2_000 });
    const room = rooms.open({ kind: 'purchaser', orgId: 'org-a', personId: 'p1' });
    const client = new Y.Doc();
    const ticket = new Y.Map<unknown>();
    client.getMap('supportRequests').set('r1', ticket);
    ticket.set('message', 'x'.repeat(3_000));
    expect(await rooms.receive(room, Y.encodeStateAsUpdate(client), { send: () => undefined }, true)).toMatchObject({ ok: false, refusal: { code: 'too-large' } });
  });

  it('commits the updates of one turn together, and only then applies, broadcasts and resolves them', async () => {
    const store = new UpdateStore(server);
    const { client, update } = clientWithSubscription();
    const second = edit(client, (doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.set('licenses', 120));
    const commits: number[] = [];
    const writer: LogWriter = {
      write: async (ops) => {
        commits.push(ops.length);
        return store.write(ops);
      },
      close: async () => undefined,
    };
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 }, Date.now, writer);
    const room = rooms.open(PURCHASER_ROOM);
    const heard: Uint8Array[] = [];
    rooms.join(room, { send: (m) => void heard.push(m) });

    const results = [rooms.receive(room, update, quiet, true), rooms.receive(room, second, quiet, true)];
    // Validated, not yet stored: nothing stored, nothing broadcast.
    expect(store.count('purchaser/org-a/p1')).toBe(0);
    expect(heard).toEqual([]);

    expect(await Promise.all(results)).toEqual([{ ok: true }, { ok: true }]);
    expect(commits).toEqual([2]);
    expect(heard).toHaveLength(2);
    expect((room.doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!).get('licenses')).toBe(120);
    expect(loadRoomDoc(store, PURCHASER_ROOM).doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.get('licenses')).toBe(120);
  });

  it('acknowledges an update with what is stored, never with a later update still waiting for its commit', async () => {
    const store = new UpdateStore(server);
    const { writer, inFlight } = heldWriter(store);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 }, Date.now, writer);
    const room = rooms.open(PURCHASER_ROOM);
    const { client, update } = clientWithSubscription();
    const first = rooms.receive(room, update, quiet, true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight).toHaveLength(1);

    const second = edit(client, (doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.set('licenses', 120));
    const secondResult = rooms.receive(room, second, quiet, true);
    inFlight.shift()!();
    expect(await first).toEqual({ ok: true });
    const stored = readStored(decoding.createDecoder(room.storedMessage().subarray(1)));
    expect(Y.snapshotContainsUpdate(stored, update)).toBe(true);
    expect(Y.snapshotContainsUpdate(stored, second)).toBe(false);

    await new Promise((resolve) => setImmediate(resolve));
    inFlight.shift()!();
    expect(await secondResult).toEqual({ ok: true });
    expect(Y.snapshotContainsUpdate(readStored(decoding.createDecoder(room.storedMessage().subarray(1))), second)).toBe(true);
  });

  it('refuses the updates of a group commit that fails, takes them back from the room, and commits the next', async () => {
    const store = new UpdateStore(server);
    const writer = failingOnceWriter(store);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 }, Date.now, writer);
    const room = rooms.open(PURCHASER_ROOM);
    const heard: Uint8Array[] = [];
    rooms.join(room, { send: (m) => void heard.push(m) });
    const { update } = clientWithSubscription();

    expect(await rooms.receive(room, update, quiet, true)).toMatchObject({ ok: false, refusal: { code: 'storage', message: expect.stringContaining('disk full') } });
    expect(room.doc.getMap('subscriptions').size).toBe(0);
    expect(heard).toEqual([]);

    expect(await rooms.receive(room, update, quiet, true)).toEqual({ ok: true });
    expect(heard).toHaveLength(1);
    expect(loadRoomDoc(store, PURCHASER_ROOM).doc.getMap('subscriptions').size).toBe(1);
  });

  it('answers a sync step 1 with what is stored: a server write waiting for its commit is sent only once stored', async () => {
    const store = new UpdateStore(server);
    const { writer, inFlight } = heldWriter(store);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 }, Date.now, writer);
    const { room, reader, heard } = orgRoomWithReader(rooms);

    rooms.write(room, (doc) => doc.getMap('organization').set('name', 'Renamed'));
    rooms.answerSync(room, reader, Y.encodeStateVector(new Y.Doc()));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight).toHaveLength(1);
    // Not yet stored: a crash now would take the rename back, so the reader has not heard of it.
    expect(heard).toEqual([]);

    inFlight.shift()!();
    await rooms.idle();
    expect(repliedNames(heard)).toEqual(['Renamed']);
  });

  it('answers a sync step 1 held for a group commit that fails with what is stored, without the write it took back', async () => {
    const store = new UpdateStore(server);
    const writer = failingOnceWriter(store);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 }, Date.now, writer);
    const { room, reader, heard } = orgRoomWithReader(rooms);

    rooms.write(room, (doc) => doc.getMap('organization').set('name', 'Lost'));
    rooms.answerSync(room, reader, Y.encodeStateVector(new Y.Doc()));
    await rooms.idle();
    expect(repliedNames(heard)).toEqual(['Start']);
  });

  it('answers a sync step 1 at once when nothing waits for a commit', () => {
    const rooms = new Rooms(new UpdateStore(server), { compactAfter: 100, maxDocBytes: 1 << 20 });
    const { room, reader, heard } = orgRoomWithReader(rooms);
    rooms.answerSync(room, reader, Y.encodeStateVector(new Y.Doc()));
    expect(repliedNames(heard)).toEqual(['Start']);
  });

  it('refuses an update that breaks an entity an earlier update created, and keeps validating after it', async () => {
    const store = new UpdateStore(server);
    const rooms = new Rooms(store, { compactAfter: 100, maxDocBytes: 1 << 20 });
    const room = rooms.open(PURCHASER_ROOM);
    const { client, update } = clientWithSubscription();
    expect(await rooms.receive(room, update, quiet, true)).toEqual({ ok: true });

    const other = createPurchaserDoc();
    Y.applyUpdate(other, update);
    const breaking = edit(other, (doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.delete('currency'));
    expect(await rooms.receive(room, breaking, quiet, true)).toMatchObject({ ok: false, refusal: { code: 'invalid', message: expect.stringContaining('subscriptions.sub-1') } });
    const nested = edit(other, (doc) => (doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.get('assigned') as Y.Map<unknown>).set('x@a.example', 42));
    expect(await rooms.receive(room, nested, quiet, true)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(store.count('purchaser/org-a/p1')).toBe(1);
    expect(room.doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.get('currency')).toBe('USD');

    // The refused updates left nothing behind: a valid edit from the first client is accepted and stored.
    const valid = edit(client, (doc) => doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.set('licenses', 7));
    expect(await rooms.receive(room, valid, quiet, true)).toEqual({ ok: true });
    const stored = loadRoomDoc(store, PURCHASER_ROOM).doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!;
    expect(stored.toJSON()).toMatchObject({ licenses: 7, currency: 'USD' });
  });

  it('unloads a room no one used for a while and reads it back with its data', async () => {
    let now = 1_000;
    const rooms = new Rooms(new UpdateStore(server), { compactAfter: 100, maxDocBytes: 1 << 20 }, () => now);
    const room = rooms.open(PURCHASER_ROOM);
    const peer: Peer = { send: () => undefined };
    rooms.join(room, peer);
    expect(await rooms.receive(room, clientWithSubscription().update, peer, true)).toEqual({ ok: true });

    now += 60_000;
    rooms.unloadIdle(30_000);
    expect(rooms.loaded(PURCHASER_ROOM)).toBe(room);

    rooms.leave(room, peer);
    now += 29_000;
    rooms.unloadIdle(30_000);
    expect(rooms.loaded(PURCHASER_ROOM)).toBe(room);
    now += 2_000;
    rooms.unloadIdle(30_000);
    expect(rooms.loaded(PURCHASER_ROOM)).toBeUndefined();

    const reopened = rooms.open(PURCHASER_ROOM);
    expect(reopened).not.toBe(room);
    expect(reopened.doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!.get('licenses')).toBe(100);
  });
});
