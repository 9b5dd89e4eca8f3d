import type { Db } from './db';

export interface StoredUpdate {
  seq: number;
  room: string;
  data: Uint8Array;
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
  private readonly deleteRoom;
  private readonly roomsLike;
  private readonly maxSeq;

  constructor(private readonly db: Db) {
    this.insert = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)');
    this.byRoom = db.prepare<[string], StoredUpdate>('SELECT seq, room, data FROM updates WHERE room = ? ORDER BY seq');
    this.after = db.prepare<[number], StoredUpdate>('SELECT seq, room, data FROM updates WHERE seq > ? ORDER BY seq');
    this.countRoom = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE room = ?');
    this.deleteRoom = db.prepare<[string]>('DELETE FROM updates WHERE room = ?');
    this.roomsLike = db.prepare<[string], { room: string }>("SELECT DISTINCT room FROM updates WHERE room LIKE ? ESCAPE '\\'");
    this.maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM updates');
  }

  append(room: string, data: Uint8Array): number {
    return Number(this.insert.run(room, data).lastInsertRowid);
  }

  /** Several rows in one transaction: one commit and one fsync for all of them. Their seqs, in order. */
  appendAll(rows: readonly (readonly [room: string, data: Uint8Array])[]): number[] {
    if (!rows.length) return [];
    return this.db.transaction(() => rows.map(([room, data]) => this.append(room, data))).immediate();
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

  /**
   * Replaces a room's rows by one snapshot, in a write transaction taken up front. `snapshot` runs
   * inside it, so it can first fold in rows another process appended meanwhile and none is lost.
   */
  compact(room: string, snapshot: () => Uint8Array): void {
    this.db
      .transaction(() => {
        const data = snapshot();
        this.deleteRoom.run(room);
        this.insert.run(room, data);
      })
      .immediate();
  }
}
