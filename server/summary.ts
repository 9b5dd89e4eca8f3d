import * as Y from 'yjs';
import type { Person } from '../lib/org/schemas';
import type { Subscription } from '../lib/subscriptions/schema';
import { paymentFailed } from '../lib/billing/payment-state';
import { currentCharge } from '../lib/room/current-charge';
import { OrgRoomState, readOrgRoom } from '../lib/room/org-doc';
import { parseRoom, type Room as RoomRef } from '../lib/room/room-name';
import { readSubscription, readSubscriptions, sameEntry, summarize, summaryEntry, writeSummary, type PurchaserSubscriptions, type SummaryEntry } from '../lib/room/summary';
import { loadRoomDoc } from './room-log';
import type { Rooms } from './rooms';
import type { UpdateStore } from './storage';

/**
 * Keeps each organization's summary room in step with its purchaser rooms and directory. Changes
 * come in bursts (a sync step 2, a seed), so recomputing waits `delayMs` after the first change.
 * A purchaser's edit recomputes only that purchaser's entries: reading every purchaser room of a
 * large organization on every edit kept the event loop busy for tens of milliseconds per edit.
 * A change of the org room (names in the directory) recomputes every purchaser of the organization.
 * At most `perTurn` purchasers are recomputed in one turn of the event loop, the rest in the turns
 * after it: at 800 edits/s, 40 ms gathered about 30 purchasers, whose recompute in one turn held up
 * unrelated edits for milliseconds.
 * A purchaser's billing room changing (a charge declined, or paid after all) recomputes them too:
 * an entry says whether the subscription's payment failed.
 * Purchaser rooms that are not in memory are read from storage and let go, not opened: the catch-up
 * at start would otherwise load every stored room and keep it.
 */
export class SummaryMaintainer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per organization, a recompute to continue in the next turn: what is dirty beyond one turn's share. */
  private readonly continuations = new Map<string, NodeJS.Immediate>();
  /** Per organization, the purchasers changed since the last recompute, or 'all'. */
  private readonly dirty = new Map<string, Set<string> | 'all'>();
  /**
   * Each organization's parsed directory until its org room changes: parsing a directory of a
   * thousand people for every recompute (every 40 ms under load) was a large share of the CPU per edit.
   */
  private readonly directories = new Map<string, Record<string, Person>>();
  /**
   * Per summary `entries` map, its keys by purchaser, kept exact by observing the map: rewriting one
   * purchaser's entries looked through every key of the organization (5,000 for 1,000 purchasers) to
   * find the ones to delete.
   */
  private readonly keysByPurchaser = new WeakMap<Y.Map<SummaryEntry>, Map<string, Set<string>>>();
  /**
   * Per purchaser document in memory, its subscriptions as last parsed (undefined: not valid) until
   * the entry changes: an edit touches one subscription, and parsing all of them was most of the
   * cost of recomputing a purchaser.
   */
  private readonly parsed = new WeakMap<Y.Doc, Map<string, Subscription | undefined>>();
  private readonly entries = new WeakMap<Subscription, { directory: Record<string, Person>; failed: boolean; entry: SummaryEntry }>();
  /** Per organization being caught up at start, the purchasers that changed meanwhile. */
  private readonly changedDuringCatchUp = new Map<string, Set<string>>();
  private stopped = false;

  constructor(
    private readonly rooms: Rooms,
    private readonly store: UpdateStore,
    private readonly delayMs = 40,
    private readonly perTurn = 8,
  ) {}

  roomChanged(ref: RoomRef): void {
    if (ref.kind !== 'purchaser' && ref.kind !== 'org' && ref.kind !== 'billing') return;
    if (ref.kind !== 'org') this.changedDuringCatchUp.get(ref.orgId)?.add(ref.personId);
    const dirty = this.dirty.get(ref.orgId);
    if (ref.kind === 'org') {
      this.directories.delete(ref.orgId);
      this.dirty.set(ref.orgId, 'all');
    } else if (dirty === undefined) this.dirty.set(ref.orgId, new Set([ref.personId]));
    else if (dirty !== 'all') dirty.add(ref.personId);
    // A recompute under way (continuing next turn) takes the change along.
    if (this.timers.has(ref.orgId) || this.continuations.has(ref.orgId)) return;
    this.timers.set(
      ref.orgId,
      setTimeout(() => {
        this.timers.delete(ref.orgId);
        this.recomputeDirty(ref.orgId);
      }, this.delayMs),
    );
  }

  /**
   * Every organization that has purchaser rooms, so that a summary missed by a crash is caught up at
   * start: one purchaser room per turn of the event loop, so that the server serves syncs meanwhile
   * (reading a whole organization of 100 rooms in one turn delayed the first syncs after a restart
   * by about half a second with 10,000 rooms). A purchaser who changes while their organization is
   * being read is read again after the organization's summary is written.
   */
  async recomputeAll(): Promise<void> {
    const orgs = new Set(this.store.roomsStartingWith('purchaser/').flatMap((name) => parseRoom(name)?.orgId ?? []));
    for (const orgId of orgs) {
      const changed = new Set<string>();
      this.changedDuringCatchUp.set(orgId, changed);
      const purchasers: PurchaserSubscriptions[] = [];
      for (const personId of this.personIds(orgId)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.stopped) return;
        purchasers.push(this.purchaser(orgId, personId));
      }
      this.changedDuringCatchUp.delete(orgId);
      const entries = summarize(this.directory(orgId), purchasers);
      this.rooms.write(this.rooms.open({ kind: 'summary', orgId }), (doc) => writeSummary(doc, entries));
      if (changed.size) this.recomputePurchasers(orgId, changed);
    }
  }

  /** Rewrites only these purchasers' entries: the others' rooms did not change. */
  recomputePurchasers(orgId: string, personIds: ReadonlySet<string>): void {
    const directory = this.directory(orgId);
    const entries: Record<string, SummaryEntry> = {};
    for (const personId of personIds) {
      const { subscriptions, failed } = this.purchaser(orgId, personId);
      for (const sub of subscriptions) entries[`${personId}/${sub.id}`] = this.entryOf(personId, sub, directory, failed.has(sub.id));
    }
    this.rooms.write(this.rooms.open({ kind: 'summary', orgId }), (doc) => {
      const map = doc.getMap<SummaryEntry>('entries');
      const keys = this.keysOf(map);
      for (const personId of personIds) for (const key of keys.get(personId) ?? []) if (!(key in entries)) map.delete(key);
      for (const [key, entry] of Object.entries(entries)) if (!sameEntry(map.get(key), entry)) map.set(key, entry);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const continuation of this.continuations.values()) clearImmediate(continuation);
    this.continuations.clear();
  }

  /** One turn's share of an organization's dirty purchasers; the rest in the next turn. */
  private recomputeDirty(orgId: string): void {
    let dirty = this.dirty.get(orgId);
    if (dirty === undefined) return;
    if (dirty === 'all') {
      // Everyone with a room, and everyone in the summary (a room gone since leaves no entries).
      const summary = this.keysOf(this.rooms.open({ kind: 'summary', orgId }).doc.getMap<SummaryEntry>('entries'));
      dirty = new Set([...this.personIds(orgId), ...summary.keys()]);
      this.dirty.set(orgId, dirty);
    }
    const batch = new Set<string>();
    for (const personId of dirty) {
      if (batch.size === this.perTurn) break;
      batch.add(personId);
    }
    for (const personId of batch) dirty.delete(personId);
    if (dirty.size === 0) this.dirty.delete(orgId);
    else {
      this.continuations.set(
        orgId,
        setImmediate(() => {
          this.continuations.delete(orgId);
          this.recomputeDirty(orgId);
        }),
      );
    }
    this.recomputePurchasers(orgId, batch);
  }

  private keysOf(map: Y.Map<SummaryEntry>): Map<string, Set<string>> {
    const known = this.keysByPurchaser.get(map);
    if (known) return known;
    const index = new Map<string, Set<string>>();
    const track = (key: string) => {
      const personId = key.slice(0, key.indexOf('/'));
      const own = index.get(personId);
      if (!map.has(key)) {
        own?.delete(key);
        if (own?.size === 0) index.delete(personId);
      } else if (own) own.add(key);
      else index.set(personId, new Set([key]));
    };
    for (const key of map.keys()) track(key);
    map.observe((event) => {
      for (const key of event.keysChanged) track(key);
    });
    this.keysByPurchaser.set(map, index);
    return index;
  }

  private personIds(orgId: string): string[] {
    return this.store.roomsStartingWith(`purchaser/${orgId}/`).flatMap((name) => {
      const ref = parseRoom(name);
      return ref?.kind === 'purchaser' ? [ref.personId] : [];
    });
  }

  private directory(orgId: string): Record<string, Person> {
    const cached = this.directories.get(orgId);
    if (cached) return cached;
    const org = OrgRoomState.safeParse(readOrgRoom(this.rooms.open({ kind: 'org', orgId }).doc));
    const directory = org.success ? org.data.directory : {};
    this.directories.set(orgId, directory);
    return directory;
  }

  /**
   * A subscription's entry, made again only when the subscription or the directory changed: the
   * parsed subscriptions of rooms in memory are the same objects until they change, and an edit
   * changes one subscription of a purchaser's several (sorting every list of assigned names again
   * was a third of a recompute).
   */
  private entryOf(personId: string, sub: Subscription, directory: Record<string, Person>, failed: boolean): SummaryEntry {
    const made = this.entries.get(sub);
    if (made?.directory === directory && made.failed === failed) return made.entry;
    const entry = summaryEntry(personId, sub, directory, failed);
    this.entries.set(sub, { directory, failed, entry });
    return entry;
  }

  private purchaser(orgId: string, personId: string): PurchaserSubscriptions & { failed: ReadonlySet<string> } {
    const ref = { kind: 'purchaser', orgId, personId } as const;
    const room = this.rooms.loaded(ref);
    if (room) {
      const subscriptions = this.subscriptionsOf(room.doc);
      return { personId, subscriptions, failed: this.failedOf(orgId, personId, room.doc, subscriptions, true) };
    }
    const { doc } = loadRoomDoc(this.store, ref);
    const subscriptions = readSubscriptions(doc);
    const failed = this.failedOf(orgId, personId, doc, subscriptions, false);
    doc.destroy();
    return { personId, subscriptions, failed };
  }

  /**
   * Which of a purchaser's subscriptions have a failed payment, from their billing room: opened
   * (kept in memory like the purchaser room) when the purchaser room is, else read from storage
   * and let go, as the catch-up reads purchaser rooms.
   */
  private failedOf(orgId: string, personId: string, purchaser: Y.Doc, subscriptions: readonly Subscription[], inMemory: boolean): Set<string> {
    const ref = { kind: 'billing', orgId, personId } as const;
    const room = inMemory ? this.rooms.open(ref) : this.rooms.loaded(ref);
    const billing = room?.doc ?? loadRoomDoc(this.store, ref).doc;
    const failed = new Set(subscriptions.filter((sub) => paymentFailed(currentCharge(purchaser, billing, sub.id))).map((sub) => sub.id));
    if (!room) billing.destroy();
    return failed;
  }

  private subscriptionsOf(doc: Y.Doc): Subscription[] {
    const root = doc.getMap<unknown>('subscriptions');
    let parsed = this.parsed.get(doc);
    if (!parsed) {
      const entries = new Map<string, Subscription | undefined>();
      root.observeDeep((events) => {
        for (const event of events) {
          if (event instanceof Y.YMapEvent && event.target === root) for (const key of event.keysChanged) entries.delete(key);
          else entries.delete(String(event.path[0]));
        }
      });
      this.parsed.set(doc, (parsed = entries));
    }
    const subscriptions: Subscription[] = [];
    for (const [id, entity] of root) {
      if (!parsed.has(id)) parsed.set(id, readSubscription(id, entity));
      const subscription = parsed.get(id);
      if (subscription) subscriptions.push(subscription);
    }
    return subscriptions;
  }
}
