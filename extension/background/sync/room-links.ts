import type * as Y from 'yjs';
import { createBillingDoc } from '../../../lib/room/billing-doc';
import type { Refusal } from '../../../lib/room/messages';
import { createOrgDoc } from '../../../lib/room/org-doc';
import { roomName } from '../../../lib/room/room-name';
import { connectRoom, type RoomConnection, type RoomStatus } from '../../../lib/sync/room-connection';
import type { Session } from '../../../lib/sync/session';

export interface LinkEvents {
  purchaserStatus(status: RoomStatus): void;
  /** MESSAGE_STORED from the purchaser room. */
  stored(snapshot: Y.Snapshot): void;
  refused(refusal: Refusal): void;
  /** One of the three rooms closed with 4400–4499. */
  closed(room: RoomConnection, code: number, reason: string): void;
  orgChanged(): void;
  /** The billing room changed, or synced for the first time. */
  billingChanged(): void;
}

const ignore = () => undefined;

/**
 * Room links: the three rooms of one signed-in purchaser. The purchaser room syncs the store's own
 * Y.Doc, so remote updates take the store's path into IndexedDB. The org and billing rooms are
 * written by the server only and go into throwaway Y.Docs that the projections read.
 */
export class RoomLinks {
  readonly purchaser: RoomConnection;
  readonly org: RoomConnection;
  readonly orgDoc = createOrgDoc();
  readonly billing: RoomConnection;
  readonly billingDoc = createBillingDoc();
  readonly personId: string;
  private billingHasSynced = false;

  constructor(session: Session, doc: Y.Doc, WebSocket: unknown, events: LinkEvents) {
    const { serverUrl, orgId, personId, accessToken: token } = session;
    this.personId = personId;
    this.purchaser = connectRoom(
      { serverUrl, room: roomName({ kind: 'purchaser', orgId, personId }), doc, token, WebSocket },
      { status: events.purchaserStatus, stored: events.stored, refused: events.refused, closed: (code, reason) => events.closed(this.purchaser, code, reason) },
    );
    this.org = connectRoom(
      { serverUrl, room: roomName({ kind: 'org', orgId }), doc: this.orgDoc, token, WebSocket },
      { status: ignore, stored: ignore, refused: ignore, closed: (code, reason) => events.closed(this.org, code, reason) },
    );
    this.orgDoc.on('update', () => events.orgChanged());
    this.billing = connectRoom(
      { serverUrl, room: roomName({ kind: 'billing', orgId, personId }), doc: this.billingDoc, token, WebSocket },
      {
        status: (status) => {
          if (status !== 'online' || this.billingHasSynced) return;
          this.billingHasSynced = true;
          events.billingChanged();
        },
        stored: ignore,
        refused: ignore,
        closed: (code, reason) => events.closed(this.billing, code, reason),
      },
    );
    this.billingDoc.on('update', () => events.billingChanged());
  }

  /** The billing room once it has synced, so that an empty document means no charges rather than not loaded yet. */
  get syncedBillingDoc(): Y.Doc | undefined {
    return this.billingHasSynced ? this.billingDoc : undefined;
  }

  /** Whether any room's provider gave up (the server closed it for good). */
  get stopped(): boolean {
    return this.purchaser.stopped || this.org.stopped || this.billing.stopped;
  }

  owns(room: RoomConnection): boolean {
    return room === this.purchaser || room === this.org || room === this.billing;
  }

  reconnect(token: string): void {
    this.purchaser.reconnect(token);
    this.org.reconnect(token);
    this.billing.reconnect(token);
  }

  close(): void {
    this.purchaser.destroy();
    this.org.destroy();
    this.billing.destroy();
    this.orgDoc.destroy();
    this.billingDoc.destroy();
  }
}
