import { readState } from '../lib/doc/read';
import type { Person } from '../lib/org/schemas';
import { OrgRoomState, readOrgRoom } from '../lib/sync/org-doc';
import { parseRoom, type Room as RoomRef } from '../lib/sync/room-name';
import { summarize, writeSummary, type PurchaserSubscriptions, type SummaryEntry } from '../lib/sync/summary';
import { Subscription } from '../lib/subscriptions/schema';
import { loadRoomDoc } from './room-log';
import type { Rooms } from './rooms';
import type { UpdateStore } from './storage';

/**
 * Keeps each organization's summary room in step with its purchaser rooms and directory. Changes
 * come in bursts (a sync step 2, a seed), so recomputing waits `delayMs` after the first change.
 * A purchaser's edit recomputes only that purchaser's entries: reading every purchaser room of a
 * large organization on every edit kept the event loop busy for tens of milliseconds per edit.
 * A change of the org room (names in the directory) recomputes the whole organization.
 * Purchaser rooms that are not in memory are read from storage and let go, not opened: the catch-up
 * at start would otherwise load every stored room and keep it.
 */
export class SummaryMaintainer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per organization, the purchasers changed since the last recompute, or 'all'. */
  private readonly dirty = new Map<string, Set<string> | 'all'>();
  /**
   * Each organization's parsed directory until its org room changes: parsing a directory of a
   * thousand people for every recompute (every 40 ms under load) was a large share of the CPU per edit.
   */
  private readonly directories = new Map<string, Record<string, Person>>();
  /** Per organization being caught up at start, the purchasers that changed meanwhile. */
  private readonly changedDuringCatchUp = new Map<string, Set<string>>();
  private stopped = false;

  constructor(
    private readonly rooms: Rooms,
    private readonly store: UpdateStore,
    private readonly delayMs = 40,
  ) {}

  roomChanged(ref: RoomRef): void {
    if (ref.kind !== 'purchaser' && ref.kind !== 'org') return;
    if (ref.kind === 'purchaser') this.changedDuringCatchUp.get(ref.orgId)?.add(ref.personId);
    const dirty = this.dirty.get(ref.orgId);
    if (ref.kind === 'org') {
      this.directories.delete(ref.orgId);
      this.dirty.set(ref.orgId, 'all');
    } else if (dirty === undefined) this.dirty.set(ref.orgId, new Set([ref.personId]));
    else if (dirty !== 'all') dirty.add(ref.personId);
    if (this.timers.has(ref.orgId)) return;
    this.timers.set(
      ref.orgId,
      setTimeout(() => {
        this.timers.delete(ref.orgId);
        const changed = this.dirty.get(ref.orgId);
        this.dirty.delete(ref.orgId);
        if (changed === 'all' || changed === undefined) this.recompute(ref.orgId);
        else this.recomputePurchasers(ref.orgId, changed);
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

  recompute(orgId: string): void {
    const entries = summarize(this.directory(orgId), this.personIds(orgId).map((personId) => this.purchaser(orgId, personId)));
    this.rooms.write(this.rooms.open({ kind: 'summary', orgId }), (doc) => writeSummary(doc, entries));
  }

  /** Rewrites only these purchasers' entries: the others' rooms did not change. */
  recomputePurchasers(orgId: string, personIds: ReadonlySet<string>): void {
    const entries = summarize(this.directory(orgId), [...personIds].map((personId) => this.purchaser(orgId, personId)));
    this.rooms.write(this.rooms.open({ kind: 'summary', orgId }), (doc) => {
      const map = doc.getMap<SummaryEntry>('entries');
      for (const key of [...map.keys()]) if (personIds.has(key.slice(0, key.indexOf('/'))) && !(key in entries)) map.delete(key);
      for (const [key, entry] of Object.entries(entries)) {
        if (JSON.stringify(map.get(key)) !== JSON.stringify(entry)) map.set(key, entry);
      }
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
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

  private purchaser(orgId: string, personId: string): PurchaserSubscriptions {
    const ref = { kind: 'purchaser', orgId, personId } as const;
    const room = this.rooms.loaded(ref);
    const doc = room?.doc ?? loadRoomDoc(this.store, ref).doc;
    const state = readState(doc);
    if (!room) doc.destroy();
    const subscriptions = Object.values(state.subscriptions).flatMap((sub) => {
      const parsed = Subscription.safeParse(sub);
      return parsed.success ? [parsed.data] : [];
    });
    return { personId, subscriptions };
  }
}
