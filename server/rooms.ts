import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import { changedKeys } from '../lib/doc/changed-entities';
import { encodeAwareness, encodeStored, encodeSyncStep2, encodeSyncUpdate, type Refusal } from '../lib/room/messages';
import { readTouched, recordRoots } from '../lib/room/room-doc';
import { parseRoom, roomName, type Room as RoomRef } from '../lib/room/room-name';
import { Extensions, type AcceptedUpdate, type UpdateContext, type Verdict } from './extension';
import { roomShape } from './extensions/room-shape';
import { inThreadWriter, type LogWriter } from './log-writer';
import { loadRoomDoc } from './room-log';
import type { LogOp, UpdateStore } from './storage';

/** Someone connected to a room: receives its broadcasts. */
export interface Peer {
  send(message: Uint8Array): void;
  /** The writer's device as the activity log names it; none for peers that are not clients (tests, the server). */
  readonly device?: string;
}

/** Origin of the server's own writes (summary, billing): queued for the next commit by the update handler, broadcast after it. */
const SERVER_WRITE = Symbol('server write');
/** Origin of rows another process (the CLI) stored: broadcast, not stored again. */
const EXTERNAL = Symbol('external');
/** Origin of the server's corrections of a client's update: stored and broadcast together with it. */
const CORRECTION = Symbol('correction');

/** Most updates a room holds back at once while they wait for structs they depend on. */
const MAX_WAITING = 256;

export interface Limits {
  /** Past this many rows since its last snapshot, a room's log is compacted into one snapshot. */
  compactAfter: number;
  /** Largest encoded document a room may grow to. */
  maxDocBytes: number;
}

export type Received = { ok: true } | { ok: false; refusal: Refusal };

/** A client's update that depends on structs the room has not received: judged once they arrive. */
interface Waiting {
  update: Uint8Array;
  from: Peer;
  resolve(result: Received): void;
}

export class Room {
  readonly name: string;
  /**
   * The room's document: what is stored, plus the updates validated but not yet committed
   * (`pending`), which nobody has heard of yet. Replaced when an update must be taken back.
   */
  doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** Awareness client ids each peer announced, to remove them when it leaves. */
  readonly awarenessIds = new Map<Peer, Set<number>>();
  rows: number;
  /** Upper bound of the document's encoded size: exact when loaded, plus every update applied since. */
  docBytes: number;
  /** The updates in the document that are queued or in flight, clients' and the server's, in order. */
  readonly pending: Uint8Array[] = [];
  /** Updates held back until what they depend on arrives (see `Rooms.receive`), in arrival order. */
  waiting: Waiting[] = [];
  /**
   * Per Yjs client id, the first clock of an update refused in this room: that client's later
   * structs build on it and can never be integrated, so they are refused rather than held.
   */
  readonly refusedFrom = new Map<number, number>();
  compacting = false;
  lastUsed: number;
  /**
   * The acknowledgement for writers: the snapshot of what is stored, as of the last commit that
   * stored one of their updates. Never computed from a document with updates pending.
   */
  private stored: Uint8Array;
  private snapshotOfDoc: Y.Snapshot | undefined;

  constructor(
    readonly ref: RoomRef,
    { doc, rows, bytes }: { doc: Y.Doc; rows: number; bytes: number },
    now: number,
  ) {
    this.name = roomName(ref);
    this.doc = doc;
    this.rows = rows;
    this.docBytes = bytes;
    this.stored = encodeStored(this.snapshot());
    this.lastUsed = now;
    // Awareness only takes a client id from its document, and ends with it: it gets one of its own,
    // so that the room's document can be replaced.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
  }

  broadcast(message: Uint8Array, except?: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  /** The document's snapshot, computed once per change: it walks every struct. */
  snapshot(): Y.Snapshot {
    return (this.snapshotOfDoc ??= Y.snapshot(this.doc));
  }

  /** The acknowledgement every writer gets after a commit: the same bytes until the next commit. */
  storedMessage(): Uint8Array {
    return this.stored;
  }

  /** After a commit: `stored` is the snapshot of the document when the commit's group was sealed. */
  committed(stored: Uint8Array): void {
    this.stored = stored;
  }

  /** Rows another process stored were applied: with nothing pending, the document is what is stored. */
  storedElsewhere(): void {
    if (!this.pending.length) this.stored = encodeStored(this.snapshot());
  }

  changed(): void {
    this.snapshotOfDoc = undefined;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * What waits for the next group commit, in arrival order: a client's validated update (in the
 * document already; broadcast, billed and acknowledged after the commit), a verdict to be told in
 * order, the server's own update (broadcast after the commit) or a room's compaction.
 */
type Queued =
  | {
      kind: 'client';
      room: Room;
      /** The client's update merged with the server's corrections: what is stored and what the others hear. */
      stored: Uint8Array;
      /** The corrections alone, for the client that sent the update. */
      correction: Uint8Array | undefined;
      from: Peer;
      update: AcceptedUpdate;
      ops: readonly LogOp[];
      resolve(result: Received): void;
    }
  | { kind: 'verdict'; result: Received; resolve(result: Received): void }
  | { kind: 'server'; room: Room; update: Uint8Array }
  | { kind: 'ops'; ops: readonly LogOp[] }
  | { kind: 'compact'; room: Room; snapshot: Uint8Array; upTo: number; rowsFolded: number }
  | { kind: 'sync'; room: Room; peer: Peer; stateVector: Uint8Array };

/**
 * The rooms in memory, each one Y.Doc loaded from the update log. Every path that changes a room
 * stores the change before anyone hears of it: a client's update is applied to the room and
 * validated there (taken back by reloading the room if it is invalid), then committed in a group,
 * then broadcast and acknowledged; the server's own writes are applied at once and broadcast after
 * the commit that stored them. One document per room: a second copy to validate against doubled
 * the memory of every room written to. One group commit is in flight at a time (on the
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
  /** The policies: who may do what, which updates are valid, what follows an accepted one. */
  extensions = new Extensions([roomShape]);

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
    const room = new Room(ref, loadRoomDoc(this.store, ref), this.now());
    this.watch(room);
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

  /**
   * The room's document changed. A client's update is broadcast after its commit (and not at all if
   * it is invalid); the server's own is queued for the next commit and broadcast after it; rows
   * another process stored are broadcast at once.
   */
  private watch(room: Room): void {
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      room.changed();
      room.docBytes += update.byteLength;
      if (origin instanceof ClientUpdate || origin === CORRECTION) return;
      if (origin === SERVER_WRITE) {
        room.pending.push(update);
        this.enqueue({ kind: 'server', room, update });
      } else {
        room.storedElsewhere();
        room.broadcast(encodeSyncUpdate(update), origin);
      }
      this.extensions.changed(room.ref);
    });
  }

  /**
   * Takes back what the document holds beyond the stored rows and `pending`: an invalid update, or
   * the updates of a group commit that failed. Reads the room again and applies what is pending.
   */
  private reload(room: Room): void {
    const { doc, bytes } = loadRoomDoc(this.store, room.ref);
    for (const update of room.pending) Y.applyUpdate(doc, update);
    room.doc.destroy();
    room.doc = doc;
    room.docBytes = room.pending.reduce((sum, update) => sum + update.byteLength, bytes);
    room.changed();
    this.watch(room);
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
    room.waiting = room.waiting.filter((held) => held.from !== peer);
    if (ids?.size) awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
  }

  /**
   * A client's update (sync step 2 or update message). What the room already holds is accepted as
   * is; anything new must come from a writer and keep the document under its size limit. It is
   * applied to the room and judged by the extensions inside that transaction, from what it touched
   * as it was and as it is. A refused update is taken back before anyone heard of it. An update
   * that depends on structs the room lacks (Yjs would keep part of it pending and apply the rest,
   * deletions included) is taken back too and held until they arrive: it is judged whole or not at
   * all. An accepted one joins the next group commit with the server's corrections, and is
   * broadcast and resolved as accepted after it. Verdicts resolve in the order the updates arrived,
   * except a held update's, which resolves once it could be judged. Throws on an undecodable update.
   */
  receive(room: Room, update: Uint8Array, from: Peer, writable: boolean): Promise<Received> {
    room.lastUsed = this.now();
    const diff = Y.diffUpdate(update, Y.encodeStateVector(room.doc));
    const before = room.snapshot();
    if (Y.snapshotContainsUpdate(before, diff)) return this.tell({ ok: true });
    if (!writable) return this.tell({ ok: false, refusal: { code: 'read-only', message: `You can read ${room.name} but not change it.` } });
    if (room.docBytes + diff.byteLength > this.limits.maxDocBytes) {
      room.docBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
      if (room.docBytes + diff.byteLength > this.limits.maxDocBytes) {
        return this.tell({ ok: false, refusal: { code: 'too-large', message: `${room.name} would grow past ${this.limits.maxDocBytes} bytes.` } });
      }
    }
    const origin = new ClientUpdate();
    const kind = room.ref.kind;
    let judged: { update: UpdateContext; verdict: Verdict } | 'incomplete' | undefined;
    // In the transaction's last moment before its cleanup: what it deleted can still be read as it was.
    const check = (transaction: Y.Transaction) => {
      if (transaction.origin !== origin) return;
      if (doc.store.pendingStructs || doc.store.pendingDs) {
        judged = 'incomplete';
        return;
      }
      const touched = changedKeys(doc, transaction, recordRoots(kind));
      const context: UpdateContext = { room, touched, before: readTouched(kind, doc, touched, before), after: readTouched(kind, doc, touched), now: this.now(), device: from.device ?? 'unknown client' };
      judged = { update: context, verdict: this.judge(context) };
    };
    const doc = room.doc;
    doc.on('afterTransaction', check);
    try {
      Y.applyUpdate(doc, diff, origin);
    } catch (error) {
      this.reload(room);
      throw error;
    } finally {
      doc.off('afterTransaction', check);
    }
    if (judged === 'incomplete') {
      this.reload(room);
      if (dependsOnRefused(room, diff)) return this.tell({ ok: false, refusal: { code: 'invalid', message: `${room.name}: this change builds on a change that was refused.` } });
      if (room.waiting.length >= MAX_WAITING) return this.tell({ ok: false, refusal: { code: 'invalid', message: `${room.name}: too many updates wait for changes that never arrived.` } });
      return new Promise((resolve) => room.waiting.push({ update, from, resolve }));
    }
    if (!judged) throw new Error('The update was applied without a transaction');
    const { update: context, verdict } = judged;
    if (!verdict.ok) {
      this.reload(room);
      for (const [client, clock] of Y.parseUpdateMeta(diff).from) room.refusedFrom.set(client, Math.min(clock, room.refusedFrom.get(client) ?? clock));
      return this.tell({ ok: false, refusal: verdict.refusal });
    }
    const correction = verdict.corrections?.length ? this.correct(room, verdict.corrections) : undefined;
    const accepted: AcceptedUpdate = { ...context, after: correction ? readTouched(kind, room.doc, context.touched) : context.after, notices: verdict.notices ?? [] };
    const stored = correction ? Y.mergeUpdates([diff, correction]) : diff;
    room.pending.push(stored);
    const ops = this.extensions.accept(accepted);
    const received = new Promise<Received>((resolve) => this.enqueue({ kind: 'client', room, stored, correction, from, update: accepted, ops, resolve }));
    this.retryWaiting(room);
    return received;
  }

  /** The extensions' verdict; a policy that throws refuses the update rather than closing the writer's connection. */
  private judge(update: UpdateContext): Verdict {
    try {
      return this.extensions.check(update);
    } catch (error) {
      console.error(`Checking an update of ${update.room.name} failed:`, error);
      return { ok: false, refusal: { code: 'invalid', message: `${update.room.name}: the server could not check this change.` } };
    }
  }

  /** Applies the server's corrections of the update just applied; returns them as one update. */
  private correct(room: Room, corrections: NonNullable<Extract<Verdict, { ok: true }>['corrections']>): Uint8Array {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => origin === CORRECTION && updates.push(update);
    room.doc.on('update', capture);
    try {
      applyChanges(room.doc, corrections, CORRECTION);
    } finally {
      room.doc.off('update', capture);
    }
    return Y.mergeUpdates(updates);
  }

  /** After an update was accepted: held updates whose structs may have arrived with it are judged again. */
  private retryWaiting(room: Room): void {
    const waiting = room.waiting;
    room.waiting = [];
    for (const held of waiting) void this.receive(room, held.update, held.from, true).then(held.resolve);
  }

  /**
   * Answers a peer's sync step 1 with what it lacks of what is stored: at once when nothing is
   * pending, else from the document as the next group commit stores it, sent once that commit
   * succeeded. A reply from a document with updates still uncommitted would hand out what a crash
   * takes back; after the restart an honest reader would send it back as its own and be refused.
   */
  answerSync(room: Room, peer: Peer, stateVector: Uint8Array): void {
    if (!room.peers.has(peer)) return;
    if (!room.pending.length) return peer.send(encodeSyncStep2(room.doc, stateVector));
    this.enqueue({ kind: 'sync', room, peer, stateVector });
  }

  /** A change made by the server itself; `ops` (settling an outbox job) are stored in the same transaction. */
  write(room: Room, change: (doc: Y.Doc) => void, ops: readonly LogOp[] = []): void {
    room.lastUsed = this.now();
    room.doc.transact(() => change(room.doc), SERVER_WRITE);
    // Queued in the same turn as the write's own entry, so flushed with it into one commit.
    if (ops.length) this.commit(ops);
  }

  /** Ops of the outbox for the next group commit. */
  commit(ops: readonly LogOp[]): void {
    this.enqueue({ kind: 'ops', ops });
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
        if (ref) this.extensions.changed(ref);
      }
    }
  }

  /**
   * Lets go of rooms no one is connected to and nothing waits for since `idleMs`: all of their
   * state is in storage, and `open` reads it back.
   */
  unloadIdle(idleMs: number): void {
    const before = this.now() - idleMs;
    for (const [name, room] of this.rooms) {
      if (room.pending.length || room.compacting || room.peers.size || room.lastUsed > before) continue;
      room.destroy();
      this.rooms.delete(name);
    }
  }

  private tell(result: Received): Promise<Received> {
    return new Promise((resolve) => this.enqueue({ kind: 'verdict', result, resolve }));
  }

  private enqueue(entry: Queued): void {
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
    // Every update queued is in its room's document, and nothing else is pending: this is what the
    // rooms hold once the group is stored, and what the group's writers are told is stored.
    // Only rooms with a client to tell: a snapshot walks every struct, and the summary room is large
    // and written by the server alone. Elsewhere the acknowledgement from before stays (too little, never too much).
    const sealed = new Map<Room, Uint8Array | undefined>();
    for (const entry of entries) {
      if (entry.kind === 'client' && !sealed.get(entry.room)) sealed.set(entry.room, encodeStored(entry.room.snapshot()));
      else if (entry.kind === 'server' && !sealed.has(entry.room)) sealed.set(entry.room, undefined);
    }
    const ops = entries.flatMap((entry): LogOp[] => {
      if (entry.kind === 'client') return [{ op: 'append', room: entry.room.name, data: entry.stored }, ...entry.ops];
      if (entry.kind === 'server') return [{ op: 'append', room: entry.room.name, data: entry.update }];
      if (entry.kind === 'compact') return [{ op: 'compact', room: entry.room.name, snapshot: entry.snapshot, upTo: entry.upTo }];
      if (entry.kind === 'ops') return [...entry.ops];
      return [];
    });
    // Each held sync request is answered with what this group leaves stored (see answerSync).
    const syncReplies = new Map<Queued, Uint8Array>();
    for (const entry of entries) if (entry.kind === 'sync') syncReplies.set(entry, encodeSyncStep2(entry.room.doc, entry.stateVector));
    this.committing = this.writer.write(ops).then(
      (result) => this.committed(entries, sealed, syncReplies, result.seqs, result.failedCompactions),
      (error: unknown) => this.committed(entries, sealed, syncReplies, [], [], error),
    );
  }

  /**
   * The end of a group commit: each client update broadcast, billed and resolved in arrival order,
   * the server's own updates broadcast. If the transaction failed, none of them is stored: client
   * updates are refused and every room of the group is read again with what is still pending, so
   * the failed updates leave the rooms as they leave the log.
   */
  private committed(
    entries: readonly Queued[],
    sealed: ReadonlyMap<Room, Uint8Array | undefined>,
    syncReplies: ReadonlyMap<Queued, Uint8Array>,
    seqs: readonly number[],
    failedCompactions: readonly string[],
    failure?: unknown,
  ): void {
    this.committing = undefined;
    for (const seq of seqs) if (seq === this.polled + 1) this.polled = seq;
    for (const name of failedCompactions) console.error(`Compacting ${name} failed; its rows stay as they were.`);
    for (const entry of entries) if (entry.kind === 'client' || entry.kind === 'server') entry.room.pending.shift();
    if (failure) {
      console.error('A group commit failed:', failure);
      for (const room of sealed.keys()) this.reload(room);
    } else for (const [room, stored] of sealed) if (stored) room.committed(stored);
    for (const entry of entries) {
      if (entry.kind === 'ops') continue;
      if (entry.kind === 'verdict') {
        entry.resolve(entry.result);
        continue;
      }
      if (entry.kind === 'sync') {
        // A failed group was taken back from its rooms: answered again from what they hold now.
        if (failure) this.answerSync(entry.room, entry.peer, entry.stateVector);
        else if (entry.room.peers.has(entry.peer)) entry.peer.send(syncReplies.get(entry)!);
        continue;
      }
      const { room } = entry;
      if (entry.kind === 'compact') {
        room.compacting = false;
        if (!failure && !failedCompactions.includes(room.name)) room.rows -= entry.rowsFolded;
        continue;
      }
      if (failure) {
        if (entry.kind === 'client') entry.resolve({ ok: false, refusal: { code: 'storage', message: `Could not store the change: ${String(failure)}` } });
        continue;
      }
      room.rows++;
      if (entry.kind === 'server') {
        room.broadcast(encodeSyncUpdate(entry.update));
        continue;
      }
      room.broadcast(encodeSyncUpdate(entry.stored), entry.from);
      if (entry.correction) entry.from.send(encodeSyncUpdate(entry.correction));
      this.extensions.changed(room.ref);
      this.extensions.stored(entry.update);
      entry.resolve({ ok: true });
    }
    if (this.pollWanted) this.poll();
    // After every update of the group is applied: a snapshot taken earlier would miss committed rows.
    if (!failure) for (const room of sealed.keys()) this.compactIfDue(room);
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

/** Whether an update has structs of a client at or after that client's refused ones. */
function dependsOnRefused(room: Room, diff: Uint8Array): boolean {
  for (const [client, clock] of Y.parseUpdateMeta(diff).to) {
    const refused = room.refusedFrom.get(client);
    if (refused !== undefined && clock > refused) return true;
  }
  return false;
}

/** The origin of a client's update while it is applied and checked: its own object, to recognise its transaction. */
class ClientUpdate {}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
