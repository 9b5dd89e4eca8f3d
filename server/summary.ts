import { readState } from '../lib/doc/read';
import { OrgRoomState, readOrgRoom } from '../lib/sync/org-doc';
import { parseRoom, type Room as RoomRef } from '../lib/sync/room-name';
import { summarize, writeSummary, type PurchaserSubscriptions } from '../lib/sync/summary';
import { Subscription } from '../lib/subscriptions/schema';
import type { Rooms } from './rooms';
import type { UpdateStore } from './storage';

/**
 * Keeps each organization's summary room in step with its purchaser rooms and directory. Changes
 * come in bursts (a sync step 2, a seed), so recomputing waits `delayMs` after the first change.
 */
export class SummaryMaintainer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly rooms: Rooms,
    private readonly store: UpdateStore,
    private readonly delayMs = 40,
  ) {}

  roomChanged(ref: RoomRef): void {
    if (ref.kind !== 'purchaser' && ref.kind !== 'org') return;
    if (this.timers.has(ref.orgId)) return;
    this.timers.set(
      ref.orgId,
      setTimeout(() => {
        this.timers.delete(ref.orgId);
        this.recompute(ref.orgId);
      }, this.delayMs),
    );
  }

  /** Every organization that has purchaser rooms, so that a summary missed by a crash is caught up at start. */
  recomputeAll(): void {
    const orgs = new Set(this.store.roomsStartingWith('purchaser/').flatMap((name) => parseRoom(name)?.orgId ?? []));
    for (const orgId of orgs) this.recompute(orgId);
  }

  recompute(orgId: string): void {
    const org = OrgRoomState.safeParse(readOrgRoom(this.rooms.open({ kind: 'org', orgId }).doc));
    const directory = org.success ? org.data.directory : {};
    const purchasers: PurchaserSubscriptions[] = [];
    for (const name of this.store.roomsStartingWith(`purchaser/${orgId}/`)) {
      const ref = parseRoom(name);
      if (ref?.kind !== 'purchaser') continue;
      const state = readState(this.rooms.open(ref).doc);
      const subscriptions = Object.values(state.subscriptions).flatMap((sub) => {
        const parsed = Subscription.safeParse(sub);
        return parsed.success ? [parsed.data] : [];
      });
      purchasers.push({ personId: ref.personId, subscriptions });
    }
    const entries = summarize(directory, purchasers);
    this.rooms.write(this.rooms.open({ kind: 'summary', orgId }), (doc) => writeSummary(doc, entries));
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
