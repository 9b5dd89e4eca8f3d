import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { changedKeys } from '../lib/doc/changed-entities';
import { encodeStored, type Refusal } from '../lib/sync/messages';
import { checkChangedEntries, createRoomDoc, readTouched, recordRoots } from '../lib/sync/room-doc';
import { parseRoom, roomName, type Room as RoomRef } from '../lib/sync/room-name';
import { encodeAwareness, encodeSyncUpdate } from './protocol';
import { inThreadWriter, type LogWriter } from './log-writer';
import { loadRoomDoc } from './room-log';
import type { LogOp, UpdateStore } from './storage';

/** Someone connected to a room: receives its broadcasts. */
export interface Peer {
  send(message: Uint8Array): void;
}

/** Origin of the server's own writes (summary, billing): queued for the next commit by the update handler, broadcast after it. */
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

/** Keys of a room's record roots that an accepted update touched, and their values before it. */
export interface AcceptedChange {
  touched: ReadonlyMap<string, ReadonlySet<string>>;
  before: Record<string, Record<string, unknown>>;
}

export class Room {
  readonly name: string;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** Awareness client ids each peer announced, to remove them when it leaves. */
  readonly awarenessIds = new Map<Peer, Set<number>>();
  rows: number;
  /**
   * The document with the updates that are validated but not yet committed (`pending`): what the
   * next update is validated against. Made on the first write and dropped when the room idles.
   */
  shadow: Y.Doc | undefined;
  /** Upper bound of the shadow's encoded size: exact when made, plus every update applied since. */
  shadowBytes = 0;
  readonly pending: Uint8Array[] = [];
  /** The server's own updates and compactions of this room queued or in flight: it stays in memory until they are stored. */
  unstored = 0;
  compacting = false;
  lastUsed: number;
  private stored: Uint8Array | undefined;
  private snapshotOfDoc: Y.Snapshot | undefined;

  constructor(
    readonly ref: RoomRef,
    readonly doc: Y.Doc,
    rows: number,
    now: number,
  ) {
    this.name = roomName(ref);
    this.rows = rows;
    this.lastUsed = now;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
  }

  broadcast(message: Uint8Array, except?: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  /** The committed document's snapshot, computed once per change: it walks every struct. */
  snapshot(): Y.Snapshot {
    return (this.snapshotOfDoc ??= Y.snapshot(this.doc));
  }

  /** The acknowledgement every writer gets after a commit: the same bytes until the document changes. */
  storedMessage(): Uint8Array {
    return (this.stored ??= encodeStored(this.snapshot()));
  }

  changed(): void {
    this.snapshotOfDoc = undefined;
    this.stored = undefined;
  }

  dropShadow(): void {
    this.shadow?.destroy();
    this.shadow = undefined;
  }

  destroy(): void {
    this.dropShadow();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * What waits for the next group commit, in arrival order: a client's validated update (applied,
 * broadcast and acknowledged after the commit), a verdict to be told in order, the server's own
 * update (already applied, broadcast after the commit) or a room's compaction.
 */
type Queued =
  | { kind: 'client'; room: Room; diff: Uint8Array; from: Peer; touched: ReadonlyMap<string, ReadonlySet<string>>; resolve(result: Received): void }
  | { kind: 'verdict'; result: Received; resolve(result: Received): void }
  | { kind: 'server'; room: Room; update: Uint8Array }
  | { kind: 'compact'; room: Room; snapshot: Uint8Array; upTo: number; rowsFolded: number };

/**
 * The rooms in memory, each one Y.Doc loaded from the update log. Every path that changes a room
 * stores the change before anyone hears of it: client updates are validated, then committed in
 * groups, then applied, broadcast and acknowledged; the server's own writes are applied at once and
 * broadcast after the commit that stored them. One group commit is in flight at a time (on the
 * writer's thread); what arrives meanwhile gathers into the next, so a busy server commits larger
 * groups rather than more of them.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private polled: number;
  private queue: Queued[] = [];
  private flushScheduled = false;
  private committing: Promise<void> | undefined;
  private pollWanted = false;
  /** Called after a room's document changed, whoever changed it; for rooms not in memory, with only their ref. */
  onChange: (room: RoomRef) => void = () => undefined;
  /**
   * Called after a client's update was committed and applied, with what it touched and how that
   * was before; the server bills purchases and license changes here. Not called for the CLI's rows.
   */
  onAccepted?: (room: Room, change: AcceptedChange) => void;

  constructor(
    private readonly store: UpdateStore,
    private readonly limits: Limits,
    private readonly now: () => number = Date.now,
    private readonly writer: LogWriter = inThreadWriter(store),
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
    if (existing) {
      existing.lastUsed = this.now();
      return existing;
    }
    const { doc, rows } = loadRoomDoc(this.store, ref);
    const room = new Room(ref, doc, rows, this.now());
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      room.changed();
      // A client's update is in the shadow since it was validated; others must join it there.
      if (room.shadow && (origin === SERVER_WRITE || origin === EXTERNAL)) {
        Y.applyUpdate(room.shadow, update);
        room.shadowBytes += update.byteLength;
      }
      if (origin === SERVER_WRITE) this.enqueue({ kind: 'server', room, update });
      else room.broadcast(encodeSyncUpdate(update), origin);
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
    room.lastUsed = this.now();
    const ids = room.awarenessIds.get(peer);
    room.awarenessIds.delete(peer);
    if (ids?.size) awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
  }

  /**
   * A client's update (sync step 2 or update message). What the room already holds is accepted as
   * is; anything new must come from a writer, keep the document under its size limit and valid for
   * its kind. A valid update joins the next group commit: updates that arrive in the same turn of
   * the event loop are committed in one transaction, and only then applied, broadcast and resolved
   * as accepted. Verdicts resolve in the order the updates arrived. Throws on an undecodable update.
   */
  receive(room: Room, update: Uint8Array, from: Peer, writable: boolean): Promise<Received> {
    room.lastUsed = this.now();
    const diff = Y.diffUpdate(update, Y.encodeStateVector(room.shadow ?? room.doc));
    if (Y.snapshotContainsUpdate(room.snapshot(), diff)) return this.tell({ ok: true });
    if (!writable) return this.tell({ ok: false, refusal: { code: 'read-only', message: `You can read ${room.name} but not change it.` } });
    const shadow = this.shadowOf(room);
    if (room.shadowBytes + diff.byteLength > this.limits.maxDocBytes) {
      room.shadowBytes = Y.encodeStateAsUpdate(shadow).byteLength;
      if (room.shadowBytes + diff.byteLength > this.limits.maxDocBytes) {
        return this.tell({ ok: false, refusal: { code: 'too-large', message: `${room.name} would grow past ${this.limits.maxDocBytes} bytes.` } });
      }
    }
    const touched = this.applyTraced(room, shadow, diff);
    const check = checkChangedEntries(room.ref.kind, shadow, touched);
    if (!check.ok) {
      // The shadow now holds the refused update; the next write makes a clean one.
      room.dropShadow();
      return this.tell({ ok: false, refusal: { code: 'invalid', message: check.message } });
    }
    room.shadowBytes += diff.byteLength;
    room.pending.push(diff);
    return new Promise((resolve) => this.enqueue({ kind: 'client', room, diff, from, touched, resolve }));
  }

  /** A change made by the server itself. */
  write(room: Room, change: (doc: Y.Doc) => void): void {
    room.lastUsed = this.now();
    room.doc.transact(() => change(room.doc), SERVER_WRITE);
  }

  /**
   * Applies rows other processes appended since the last poll to the rooms in memory. Waits while a
   * commit is in flight: its rows may be in the file already, and applied now they would reach the
   * room before the commit's own bookkeeping (billing reads the values from before each update).
   */
  poll(): void {
    if (this.committing) {
      this.pollWanted = true;
      return;
    }
    this.pollWanted = false;
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

  /**
   * Lets go of rooms no one is connected to and nothing waits for since `idleMs`: all of their
   * state is in storage, and `open` reads it back. Rooms still in use only drop their shadow.
   */
  unloadIdle(idleMs: number): void {
    const before = this.now() - idleMs;
    for (const [name, room] of this.rooms) {
      if (room.pending.length || room.unstored || room.lastUsed > before) continue;
      if (room.peers.size) room.dropShadow();
      else {
        room.destroy();
        this.rooms.delete(name);
      }
    }
  }

  private shadowOf(room: Room): Y.Doc {
    if (room.shadow) return room.shadow;
    const current = Y.encodeStateAsUpdate(room.doc);
    const shadow = createRoomDoc(room.ref.kind);
    Y.applyUpdate(shadow, current);
    room.shadowBytes = current.byteLength;
    for (const diff of room.pending) {
      Y.applyUpdate(shadow, diff);
      room.shadowBytes += diff.byteLength;
    }
    return (room.shadow = shadow);
  }

  /** Applies an update to the shadow and returns which entries of its record roots it touched. */
  private applyTraced(room: Room, shadow: Y.Doc, diff: Uint8Array): Map<string, Set<string>> {
    let touched = new Map<string, Set<string>>();
    const trace = (transaction: Y.Transaction) => (touched = changedKeys(shadow, transaction, recordRoots(room.ref.kind)));
    shadow.on('afterTransaction', trace);
    try {
      Y.applyUpdate(shadow, diff);
    } catch (error) {
      room.dropShadow();
      throw error;
    } finally {
      shadow.off('afterTransaction', trace);
    }
    return touched;
  }

  private tell(result: Received): Promise<Received> {
    return new Promise((resolve) => this.enqueue({ kind: 'verdict', result, resolve }));
  }

  private enqueue(entry: Queued): void {
    if (entry.kind === 'server' || entry.kind === 'compact') entry.room.unstored++;
    this.queue.push(entry);
    if (this.flushScheduled || this.committing) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Settles once everything queued so far is committed and told. */
  async idle(): Promise<void> {
    while (this.committing || this.queue.length) {
      if (!this.committing && !this.flushScheduled) this.flush();
      await this.committing;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Commits what is queued, then lets go of the writer. */
  async close(): Promise<void> {
    await this.idle();
    await this.writer.close();
  }

  /** Starts the group commit of everything queued, unless one is in flight: its end starts the next. */
  private flush(): void {
    if (this.committing || !this.queue.length) return;
    const entries = this.queue;
    this.queue = [];
    const ops = entries.flatMap((entry): LogOp[] => {
      if (entry.kind === 'client') return [{ op: 'append', room: entry.room.name, data: entry.diff }];
      if (entry.kind === 'server') return [{ op: 'append', room: entry.room.name, data: entry.update }];
      if (entry.kind === 'compact') return [{ op: 'compact', room: entry.room.name, snapshot: entry.snapshot, upTo: entry.upTo }];
      return [];
    });
    this.committing = this.writer.write(ops).then(
      (result) => this.committed(entries, result.seqs, result.failedCompactions),
      (error: unknown) => this.committed(entries, [], [], error),
    );
  }

  /**
   * The end of a group commit: each client update applied, broadcast and resolved in arrival order,
   * the server's own updates broadcast. If the transaction failed, none of them is stored: client
   * updates are refused, and a server update stays in the room (its rows are gone with the
   * transaction, so the room is compacted at its next write to store it again).
   */
  private committed(entries: readonly Queued[], seqs: readonly number[], failedCompactions: readonly string[], failure?: unknown): void {
    this.committing = undefined;
    for (const seq of seqs) if (seq === this.polled + 1) this.polled = seq;
    for (const name of failedCompactions) console.error(`Compacting ${name} failed; its rows stay as they were.`);
    const written = new Set<Room>();
    for (const entry of entries) {
      if (entry.kind === 'verdict') {
        entry.resolve(entry.result);
        continue;
      }
      const { room } = entry;
      written.add(room);
      if (entry.kind === 'compact') {
        room.unstored--;
        room.compacting = false;
        if (!failure && !failedCompactions.includes(room.name)) room.rows -= entry.rowsFolded;
        continue;
      }
      if (entry.kind === 'server') {
        room.unstored--;
        // Not stored: the room's next commit compacts it, which stores its whole document.
        if (failure) room.rows = Number.POSITIVE_INFINITY;
        else room.rows++;
        room.broadcast(encodeSyncUpdate(entry.update));
        continue;
      }
      room.pending.shift();
      if (failure) {
        room.dropShadow();
        entry.resolve({ ok: false, refusal: { code: 'storage', message: `Could not store the change: ${String(failure)}` } });
        continue;
      }
      const { diff, from, touched } = entry;
      room.rows++;
      const before = this.onAccepted && readTouched(room.ref.kind, room.doc, touched);
      Y.applyUpdate(room.doc, diff, from);
      if (before) this.onAccepted?.(room, { touched, before });
      entry.resolve({ ok: true });
    }
    if (this.pollWanted) this.poll();
    if (failure) console.error('A group commit failed:', failure);
    // After every update of the group is applied: a snapshot taken earlier would miss committed rows.
    else for (const room of written) this.compactIfDue(room);
    this.flush();
  }

  /**
   * Queues the room's compaction into one snapshot of its document once its rows pass the limit.
   * Polled first, so every row in the file up to `polled` is in the snapshot; rows after it (another
   * process' not yet polled, or this server's still queued) are kept.
   */
  private compactIfDue(room: Room): void {
    if (room.rows <= this.limits.compactAfter || room.compacting) return;
    this.poll();
    room.compacting = true;
    const rowsFolded = room.rows - 1;
    this.enqueue({ kind: 'compact', room, snapshot: Y.encodeStateAsUpdate(room.doc), upTo: this.polled, rowsFolded });
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
