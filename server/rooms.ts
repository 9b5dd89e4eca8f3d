import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Refusal } from '../lib/sync/messages';
import { checkRoomDoc, createRoomDoc } from '../lib/sync/room-doc';
import { parseRoom, roomName, type Room as RoomRef } from '../lib/sync/room-name';
import { encodeAwareness, encodeSyncUpdate } from './protocol';
import { loadRoomDoc } from './room-log';
import type { UpdateStore } from './storage';

/** Someone connected to a room: receives its broadcasts. */
export interface Peer {
  send(message: Uint8Array): void;
}

/** Origin of the server's own writes (the summary): stored by the update handler before they are broadcast. */
const SERVER_WRITE = Symbol('server write');
/** Origin of rows another process (the CLI) stored: broadcast, not stored again. */
const EXTERNAL = Symbol('external');

export interface Limits {
  /** Past this many rows since its last snapshot, a room's log is compacted into one snapshot. */
  compactAfter: number;
  /** Largest encoded document a room may grow to. */
  maxDocBytes: number;
}

export type Received = { ok: true } | { ok: false; refusal: Refusal };

export class Room {
  readonly name: string;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** Awareness client ids each peer announced, to remove them when it leaves. */
  readonly awarenessIds = new Map<Peer, Set<number>>();
  rows: number;

  constructor(
    readonly ref: RoomRef,
    readonly doc: Y.Doc,
    rows: number,
  ) {
    this.name = roomName(ref);
    this.rows = rows;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
  }

  broadcast(message: Uint8Array, except?: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }
}

/**
 * The rooms in memory, each one Y.Doc loaded from the update log. Every path that changes a room
 * stores the change before anyone hears of it: client updates are stored, then applied and
 * broadcast; server writes are stored by the update handler before it broadcasts.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private polled: number;
  /** Called after a room's document changed, whoever changed it; for rooms not in memory, with only their ref. */
  onChange: (room: RoomRef) => void = () => undefined;
  /**
   * Called after a client's update was stored and applied, with a copy of the document as it was
   * before; the server bills purchases and license changes here. Not called for the CLI's rows.
   */
  onAccepted?: (room: Room, before: Y.Doc) => void;

  constructor(
    private readonly store: UpdateStore,
    private readonly limits: Limits,
  ) {
    this.polled = store.lastSeq();
  }

  /** The room if it is in memory, without loading it. */
  loaded(ref: RoomRef): Room | undefined {
    return this.rooms.get(roomName(ref));
  }

  open(ref: RoomRef): Room {
    const name = roomName(ref);
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const { doc, rows } = loadRoomDoc(this.store, ref);
    const room = new Room(ref, doc, rows);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_WRITE) {
        this.append(room, update);
        this.compactIfDue(room);
      }
      room.broadcast(encodeSyncUpdate(update), origin);
      this.onChange(ref);
    });
    room.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const ids = origin ? room.awarenessIds.get(origin as Peer) : undefined;
      if (ids) {
        for (const id of added) ids.add(id);
        for (const id of removed) ids.delete(id);
      }
      room.broadcast(encodeAwareness(room.awareness, [...added, ...updated, ...removed]));
    });
    this.rooms.set(name, room);
    return room;
  }

  join(room: Room, peer: Peer): void {
    room.peers.add(peer);
    room.awarenessIds.set(peer, new Set());
  }

  leave(room: Room, peer: Peer): void {
    room.peers.delete(peer);
    const ids = room.awarenessIds.get(peer);
    room.awarenessIds.delete(peer);
    if (ids?.size) awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
  }

  /**
   * A client's update (sync step 2 or update message). What the room already holds is accepted as
   * is; anything new must come from a writer, keep the document under its size limit and valid for
   * its kind, and is stored before it is applied and broadcast. Throws on an undecodable update.
   */
  receive(room: Room, update: Uint8Array, from: Peer, writable: boolean): Received {
    const diff = Y.diffUpdate(update, Y.encodeStateVector(room.doc));
    if (Y.snapshotContainsUpdate(Y.snapshot(room.doc), diff)) return { ok: true };
    if (!writable) return { ok: false, refusal: { code: 'read-only', message: `You can read ${room.name} but not change it.` } };
    const current = Y.encodeStateAsUpdate(room.doc);
    if (current.byteLength + diff.byteLength > this.limits.maxDocBytes) {
      return { ok: false, refusal: { code: 'too-large', message: `${room.name} would grow past ${this.limits.maxDocBytes} bytes.` } };
    }
    const copy = createRoomDoc(room.ref.kind);
    Y.applyUpdate(copy, current);
    Y.applyUpdate(copy, diff);
    const check = checkRoomDoc(room.ref.kind, copy);
    copy.destroy();
    if (!check.ok) return { ok: false, refusal: { code: 'invalid', message: check.message } };
    try {
      this.append(room, diff);
    } catch (error) {
      return { ok: false, refusal: { code: 'storage', message: `Could not store the change: ${String(error)}` } };
    }
    const before = this.onAccepted && createRoomDoc(room.ref.kind);
    if (before) Y.applyUpdate(before, current);
    Y.applyUpdate(room.doc, diff, from);
    this.compactIfDue(room);
    if (before) {
      this.onAccepted?.(room, before);
      before.destroy();
    }
    return { ok: true };
  }

  /** A change made by the server itself. */
  write(room: Room, change: (doc: Y.Doc) => void): void {
    room.doc.transact(() => change(room.doc), SERVER_WRITE);
  }

  /** Applies rows other processes appended since the last poll to the rooms in memory. */
  poll(): void {
    for (const row of this.store.since(this.polled)) {
      this.polled = row.seq;
      const room = this.rooms.get(row.room);
      if (room) Y.applyUpdate(room.doc, row.data, EXTERNAL);
      else {
        const ref = parseRoom(row.room);
        if (ref) this.onChange(ref);
      }
    }
  }

  private append(room: Room, update: Uint8Array): void {
    const seq = this.store.append(room.name, update);
    if (seq === this.polled + 1) this.polled = seq;
    room.rows++;
  }

  /** Folds the room's rows into one snapshot of its document, which must hold every stored row by now. */
  private compactIfDue(room: Room): void {
    if (room.rows > this.limits.compactAfter) {
      this.store.compact(room.name, () => {
        this.poll();
        return Y.encodeStateAsUpdate(room.doc);
      });
      room.rows = 1;
    }
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
