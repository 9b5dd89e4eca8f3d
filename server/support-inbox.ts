import * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import { inboxEntry, markInboxHandled, putInboxEntry, readInboxEntry } from '../lib/room/support-inbox';
import { handledFields } from '../lib/rules/support-request-transition';
import type { SupportRequest } from '../lib/support/schema';
import type { Rooms } from './rooms';

export type MarkHandled = { ok: true; handledAt: string } | { ok: false; reason: 'unknown' | 'storage' };

/**
 * Each organization's support inbox room (`support/<orgId>`), written by the server only: a
 * purchaser's request goes in when the server receives it, and an admin's "mark handled" is
 * written both there and, as a server field, into the purchaser's own request.
 */
export class SupportInbox {
  constructor(
    private readonly rooms: Rooms,
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
