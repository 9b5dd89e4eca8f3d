import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Room as RoomRef } from '../../lib/room/room-name';
import type { SummaryEntry } from '../../lib/room/summary';
import { openDb, type Db } from '../../server/db';
import { appendChange, loadRoomDoc } from '../../server/room-log';
import { Rooms } from '../../server/rooms';
import { Extensions } from '../../server/extension';
import { roomShape } from '../../server/extensions/room-shape';
import { UpdateStore } from '../../server/storage';
import { SummaryMaintainer } from '../../server/summary';
import { LIAM, MAYA, ORG, seedTwoOrgs } from './fixture';
import { tempDataDir, withAdmin } from './harness';

const data = tempDataDir();
let db: Db;
let rooms: Rooms;
let summary: SummaryMaintainer;

const mayaRoom = { kind: 'purchaser', orgId: ORG, personId: MAYA.personId } as const;
const liamRoom = { kind: 'purchaser', orgId: ORG, personId: LIAM.personId } as const;

beforeEach(async () => {
  withAdmin(data.dir, (admin) => {
    seedTwoOrgs(admin);
    // Liam's stored room holds a copy of Maya's subscriptions, so both purchasers have entries.
    const maya = Y.encodeStateAsUpdate(loadRoomDoc(admin.store, mayaRoom).doc);
    appendChange(admin.store, liamRoom, (doc) => Y.applyUpdate(doc, maya));
  });
  db = openDb(data.dir);
  rooms = new Rooms(new UpdateStore(db), { compactAfter: 500, maxDocBytes: 8 * 1024 * 1024 });
  summary = new SummaryMaintainer(rooms, new UpdateStore(db), 0);
  rooms.extensions = new Extensions([roomShape, { name: 'summary', onChange: (ref) => summary.roomChanged(ref) }]);
  await summary.recomputeAll();
});

afterEach(async () => {
  summary.stop();
  await rooms.close();
  db.close();
  data.remove();
});

const entries = () => rooms.open({ kind: 'summary', orgId: ORG }).doc.getMap<SummaryEntry>('entries').toJSON() as Record<string, SummaryEntry>;
const keysOf = (personId: string) => Object.keys(entries()).filter((key) => key.startsWith(`${personId}/`));
const subscriptions = (personId: string) => rooms.open({ kind: 'purchaser', orgId: ORG, personId }).doc.getMap<Y.Map<unknown>>('subscriptions');
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('summary maintainer', () => {
  it("recomputes only the edited purchaser's entries, without reading the other purchaser rooms", async () => {
    const liamBefore = keysOf(LIAM.personId).map((key) => entries()[key]);
    const [id, sub] = [...subscriptions(MAYA.personId)][0]!;
    const [gone] = [...subscriptions(MAYA.personId).keys()].filter((key) => key !== id);
    const open = vi.spyOn(rooms, 'open');

    subscriptions(MAYA.personId).doc!.transact(() => {
      sub.set('licenses', 250);
      subscriptions(MAYA.personId).delete(gone!);
    });
    await settled();

    expect(entries()[`${MAYA.personId}/${id}`]?.licenses).toBe(250);
    expect(entries()[`${MAYA.personId}/${gone}`]).toBeUndefined();
    expect(keysOf(LIAM.personId).map((key) => entries()[key])).toEqual(liamBefore);
    const opened = open.mock.calls.map(([ref]: [RoomRef]) => ('personId' in ref ? ref.personId : ref.kind));
    expect(opened).not.toContain(LIAM.personId);
  });

  it('catches up at start without keeping the purchaser rooms it read in memory', () => {
    expect(keysOf(MAYA.personId).length).toBeGreaterThan(0);
    expect(keysOf(LIAM.personId).length).toBeGreaterThan(0);
    expect(rooms.loaded(liamRoom)).toBeUndefined();
  });

  it("recomputes everyone's entries when the directory changes", async () => {
    const directory = rooms.open({ kind: 'org', orgId: ORG }).doc.getMap<Y.Map<unknown>>('directory');
    directory.get(LIAM.personId)!.set('displayName', 'Liam Renamed');
    await settled();
    const liam = keysOf(LIAM.personId);
    expect(liam.length).toBeGreaterThan(0);
    for (const key of liam) expect(entries()[key]?.purchaserName).toBe('Liam Renamed');
  });

  it('reads a purchaser again who changed while the catch-up was reading their organization', async () => {
    // A recompute delay longer than the test: only the catch-up itself can bring the change in.
    const slow = new SummaryMaintainer(rooms, new UpdateStore(db), 60_000);
    rooms.extensions = new Extensions([roomShape, { name: 'summary', onChange: (ref) => slow.roomChanged(ref) }]);
    const [id, sub] = [...subscriptions(MAYA.personId)][0]!;
    const caughtUp = slow.recomputeAll();
    // After one turn the catch-up has read Maya's room (the first of her organization) and not Liam's.
    await new Promise((resolve) => setImmediate(resolve));
    sub.set('licenses', 321);
    await caughtUp;
    slow.stop();
    expect(entries()[`${MAYA.personId}/${id}`]?.licenses).toBe(321);
  });

  it('brings a seat assigned inside a subscription to the summary, and leaves out an entry while it is not valid', async () => {
    const key = `${MAYA.personId}/sub-chat`;
    const chat = subscriptions(MAYA.personId).get('sub-chat')!;
    const before = entries()[key]!.assignedCount;

    (chat.get('assigned') as Y.Map<string>).set('person-new', '2026-11-20T10:00:00.000Z');
    await settled();
    expect(entries()[key]?.assignedCount).toBe(before + 1);
    expect(entries()[key]?.assignedNames).toContain('person-new');

    chat.set('licenses', 0);
    await settled();
    expect(entries()[key]).toBeUndefined();

    chat.set('licenses', 7);
    await settled();
    expect(entries()[key]).toMatchObject({ licenses: 7, assignedCount: before + 1 });
  });

  it('recomputes at most perTurn purchasers in one turn of the event loop, the others in the turns after it', async () => {
    const stepwise = new SummaryMaintainer(rooms, new UpdateStore(db), 0, 1);
    rooms.extensions = new Extensions([roomShape, { name: 'summary', onChange: (ref) => stepwise.roomChanged(ref) }]);
    const recomputed = vi.spyOn(stepwise, 'recomputePurchasers');

    subscriptions(MAYA.personId).get('sub-chat')!.set('licenses', 201);
    subscriptions(LIAM.personId).get('sub-chat')!.set('licenses', 202);
    await settled();
    stepwise.stop();

    expect(recomputed.mock.calls.map(([, personIds]) => [...personIds])).toEqual([[MAYA.personId], [LIAM.personId]]);
    expect(entries()[`${MAYA.personId}/sub-chat`]?.licenses).toBe(201);
    expect(entries()[`${LIAM.personId}/sub-chat`]?.licenses).toBe(202);
  });
});
