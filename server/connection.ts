import type { WebSocket } from 'ws';
import type { Room as RoomRef } from '../lib/room/room-name';
import type { Claims } from './claims';
import type { Members } from './members';
import { MalformedMessage, greeting, handleMessage } from './protocol';
import type { Peer, Room, Rooms } from './rooms';

/**
 * Close codes. 4400–4499 tell y-websocket's provider not to reconnect: reconnecting cannot help
 * until something changes (a new token, a fixed client).
 */
export const CLOSE = {
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  noSuchRoom: 4404,
  goingAway: 1001,
} as const;

/** One client in one room. Its rights are checked again on every message, not only when it connected. */
export class Connection implements Peer {
  constructor(
    private readonly ws: WebSocket,
    private readonly claims: Claims,
    private readonly ref: RoomRef,
    private readonly room: Room,
    private readonly rooms: Rooms,
    private readonly members: Members,
    private readonly now: () => number,
    /** Whether the client asked for acknowledgements and refusals (`acks=1`). */
    private readonly acks: boolean,
    readonly device: string,
  ) {}

  start(): void {
    this.rooms.join(this.room, this);
    this.ws.on('close', () => this.rooms.leave(this.room, this));
    for (const message of greeting(this.room)) this.send(message);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(message);
  }

  receive(data: Uint8Array, isBinary: boolean): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (!isBinary) return this.close(CLOSE.malformed, 'Messages must be binary');
    if (this.claims.exp * 1000 <= this.now()) return this.close(CLOSE.unauthorized, 'Access token expired');
    if (!this.checkRole()) return;
    const rights = this.rooms.extensions.authorize(this.claims, this.ref);
    if (!rights.read) return this.close(CLOSE.forbidden, 'Room not allowed');
    try {
      handleMessage(data, this.rooms, this.room, this, { writable: rights.write, acks: this.acks });
    } catch (error) {
      if (!(error instanceof MalformedMessage)) throw error;
      this.close(CLOSE.malformed, 'Malformed message');
    }
  }

  /** Closes the connection if the person's role is no longer the one their token was issued for. */
  checkRole(): boolean {
    if (this.members.roleOf(this.claims.orgId, this.claims.personId) === this.claims.role) return true;
    this.close(CLOSE.forbidden, 'Your access to this organization changed; sign in again');
    return false;
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}
