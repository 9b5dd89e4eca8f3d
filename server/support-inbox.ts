import * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import { parseRoom } from '../lib/room/room-name';
import { inboxEntry, markInboxHandled, putInboxEntry, readInboxEntry } from '../lib/room/support-inbox';
import { handledFields, receivedFields } from '../lib/rules/support-request-transition';
import { SupportRequest } from '../lib/support/schema';
import { loadRoomDoc } from './room-log';
import type { Rooms } from './rooms';
import type { UpdateStore } from './storage';

export type MarkHandled = { ok: true; handledAt: string } | { ok: false; reason: 'unknown' | 'storage' };

/**
 * Each organization's support inbox room (`support/<orgId>`), written by the server only: a
 * purchaser's request goes in when the server receives it, and an admin's "mark handled" is
 * written both there and, as a server field, into the purchaser's own request.
 */
export class SupportInbox {
  private stopped = false;

  constructor(
    private readonly rooms: Rooms,
    private readonly store: UpdateStore,
    /** The purchaser's display name in the organization's directory. */
    private readonly nameOf: (orgId: string, personId: string) => string,
    private readonly now: () => number,
  ) {}

  /** Requests the server has just received from a purchaser; called while their update is accepted, so both join one commit. */
  received(orgId: string, personId: string, requests: readonly SupportRequest[], receivedAt: string): void {
    if (!requests.length) return;
    const name = this.nameOf(orgId, personId);
    this.rooms.write(this.rooms.open({ kind: 'support', orgId }), (doc) => {
      for (const request of requests) putInboxEntry(doc, inboxEntry(personId, name, request, request.receivedAt ?? receivedAt));
    });
  }

  /**
   * Receives every request still queued in a stored purchaser room: stored before the server
   * received requests, or written by the CLI, which no rule checks. One room per turn of the event
   * loop, read from storage and opened only when it holds one, so syncs are served meanwhile.
   */
  async receiveQueued(): Promise<void> {
    for (const name of this.store.roomsStartingWith('purchaser/')) {
      await new Promise((resolve) => setImmediate(resolve));
      const ref = parseRoom(name);
      if (this.stopped) return;
      if (ref?.kind !== 'purchaser') continue;
      const loaded = this.rooms.loaded(ref);
      const doc = loaded?.doc ?? loadRoomDoc(this.store, ref).doc;
      const queued = queuedRequests(doc);
      if (!loaded) doc.destroy();
      if (!queued.length) continue;
      const now = new Date(this.now()).toISOString();
      const fields = receivedFields(now);
      this.rooms.write(this.rooms.open(ref), (purchaser) =>
        applyChanges(purchaser, queued.map((request) => ({ op: 'put', collection: 'supportRequests', id: request.id, fields })), null),
      );
      this.received(ref.orgId, ref.personId, queued.map((request) => ({ ...request, ...fields })), now);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * Marks a request of the admin's organization handled, in the inbox and in the purchaser's room,
   * in one commit; resolves once it is stored. Marking it again keeps the first date.
   */
  async markHandled(orgId: string, key: string, adminId: string): Promise<MarkHandled> {
    const inbox = this.rooms.open({ kind: 'support', orgId });
    const entry = readInboxEntry(inbox.doc, key);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (!entry.handledAt) {
      const handledAt = new Date(this.now()).toISOString();
      this.rooms.write(inbox, (doc) => markInboxHandled(doc, key, handledAt, adminId));
      const purchaser = this.rooms.open({ kind: 'purchaser', orgId, personId: entry.purchaserId });
      // A request the purchaser removed from their devices stays handled in the inbox only: a partial entity would not be a request.
      if (purchaser.doc.getMap<unknown>('supportRequests').get(entry.requestId) instanceof Y.Map) {
        this.rooms.write(purchaser, (doc) => applyChanges(doc, [{ op: 'put', collection: 'supportRequests', id: entry.requestId, fields: handledFields(handledAt) }], null));
      }
    }
    await this.rooms.idle();
    // A failed commit reads the rooms back from the log: then the mark is not there.
    const handledAt = readInboxEntry(this.rooms.open({ kind: 'support', orgId }).doc, key)?.handledAt;
    return handledAt ? { ok: true, handledAt } : { ok: false, reason: 'storage' };
  }
}

/** The valid requests of a purchaser document that no server has received yet. */
function queuedRequests(doc: Y.Doc): SupportRequest[] {
  return [...doc.getMap<unknown>('supportRequests')].flatMap(([id, value]) => {
    const request = value instanceof Y.Map ? SupportRequest.safeParse({ ...value.toJSON(), id }) : undefined;
    return request?.success && request.data.status === 'queued' ? [request.data] : [];
  });
}
