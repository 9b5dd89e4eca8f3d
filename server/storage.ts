import type { ActivityEntry } from '../lib/activity/activity-entry';
import type { Db } from './db';

export interface StoredUpdate {
  seq: number;
  room: string;
  data: Uint8Array;
}

/**
 * One write to the log: a room's update, or a room's compaction into `snapshot`, which holds every
 * row of the room up to seq `upTo` (rows after it, another process' or still in flight, stay); or a
 * job of the outbox, put (`enqueue`, once per key) or done (`settle`) in the same transaction as
 * the room writes it belongs to; or a line of an organization's activity log (`activity`), stored
 * with the update it describes.
 */
export type LogOp =
  | { op: 'append'; room: string; data: Uint8Array }
  | { op: 'compact'; room: string; snapshot: Uint8Array; upTo: number }
  | { op: 'enqueue'; queue: string; key: string; data: string }
  | { op: 'settle'; queue: string; key: string }
  | { op: 'activity'; orgId: string; entry: ActivityEntry };

/** A job of the outbox that is not settled yet. */
export interface OutboxJob {
  key: string;
  data: string;
}

/** What a batch of ops did: the seqs of its appends in order, and the rooms whose compaction failed (their rows stay as they were). */
export interface LogResult {
  seqs: number[];
  failedCompactions: string[];
}

/**
 * The update log of every room: one row per accepted update, in one table keyed by room. A room's
 * document is the merge of its rows; compaction replaces them with one snapshot row. Every call
 * commits before it returns (better-sqlite3 is synchronous), so the caller may acknowledge right after.
 */
export class UpdateStore {
  private readonly insert;
  private readonly byRoom;
  private readonly after;
  private readonly countRoom;
  private readonly deleteRoomUpTo;
  private readonly roomsLike;
  private readonly maxSeq;
  private readonly enqueueJob;
  private readonly settleJob;
  private readonly openJobs;
  private readonly jobByKey;
  private readonly insertActivity;

  constructor(private readonly db: Db) {
    this.insert = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)');
    this.byRoom = db.prepare<[string], StoredUpdate>('SELECT seq, room, data FROM updates WHERE room = ? ORDER BY seq');
    this.after = db.prepare<[number], StoredUpdate>('SELECT seq, room, data FROM updates WHERE seq > ? ORDER BY seq');
    this.countRoom = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE room = ?');
    this.deleteRoomUpTo = db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND seq <= ?');
    this.roomsLike = db.prepare<[string], { room: string }>("SELECT DISTINCT room FROM updates WHERE room LIKE ? ESCAPE '\\'");
    this.maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM updates');
    this.enqueueJob = db.prepare<[string, string, string]>('INSERT OR IGNORE INTO outbox (queue, key, data) VALUES (?, ?, ?)');
    this.settleJob = db.prepare<[string, string]>('UPDATE outbox SET settled = 1 WHERE queue = ? AND key = ?');
    this.jobByKey = db.prepare<[string, string], OutboxJob>('SELECT key, data FROM outbox WHERE queue = ? AND key = ?');
    this.insertActivity = db.prepare<[string, string, string, string, string]>('INSERT INTO activity (org_id, at, purchaser_id, product_id, data) VALUES (?, ?, ?, ?, ?)');
    this.openJobs = db.prepare<[string], OutboxJob>('SELECT key, data FROM outbox WHERE queue = ? AND settled = 0 ORDER BY rowid');
  }

  append(room: string, data: Uint8Array): number {
    return Number(this.insert.run(room, data).lastInsertRowid);
  }

  /**
   * A batch of ops in one transaction: one commit and one fsync for all of them. A compaction that
   * fails is rolled back on its own (a savepoint) and reported; it must not refuse the appends.
   */
  write(ops: readonly LogOp[]): LogResult {
    const result: LogResult = { seqs: [], failedCompactions: [] };
    if (!ops.length) return result;
    const compact = this.db.transaction((room: string, snapshot: Uint8Array, upTo: number) => {
      this.deleteRoomUpTo.run(room, upTo);
      this.insert.run(room, snapshot);
    });
    this.db
      .transaction(() => {
        for (const op of ops) {
          if (op.op === 'append') result.seqs.push(this.append(op.room, op.data));
          else if (op.op === 'enqueue') this.enqueueJob.run(op.queue, op.key, op.data);
          else if (op.op === 'settle') this.settleJob.run(op.queue, op.key);
          else if (op.op === 'activity') this.insertActivity.run(op.orgId, op.entry.at, op.entry.purchaserId, op.entry.productId, JSON.stringify(op.entry));
          else {
            try {
              compact(op.room, op.snapshot, op.upTo);
            } catch {
              result.failedCompactions.push(op.room);
            }
          }
        }
      })
      .immediate();
    return result;
  }

  /** The jobs of `queue` not settled yet, oldest first. */
  openJobsOf(queue: string): OutboxJob[] {
    return this.openJobs.all(queue);
  }

  /** A job of `queue` by key, settled or not. */
  job(queue: string, key: string): OutboxJob | undefined {
    return this.jobByKey.get(queue, key);
  }

  load(room: string): StoredUpdate[] {
    return this.byRoom.all(room);
  }

  count(room: string): number {
    return this.countRoom.get(room)?.n ?? 0;
  }

  /** Rows written after `seq`, by this process or another (the CLI). */
  since(seq: number): StoredUpdate[] {
    return this.after.all(seq);
  }

  lastSeq(): number {
    return this.maxSeq.get()?.seq ?? 0;
  }

  /** Names of the rooms that have rows and start with `prefix`. */
  roomsStartingWith(prefix: string): string[] {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.roomsLike.all(pattern).map((row) => row.room);
  }
}
