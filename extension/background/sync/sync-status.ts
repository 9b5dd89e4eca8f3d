import * as Y from 'yjs';
import type { RoomStatus } from '../../../lib/sync/room-connection';
import type { SyncMeta } from '../../../lib/sync/status';
import { mergeSnapshots } from '../../../lib/sync/stored-state';
import { waitingChanges } from '../../../lib/sync/waiting-changes';
import type { MetaRow, SeatkeeperDb } from '../../store/db';
import type { PurchaserStore } from '../../store/purchaser-store';
import type { Mode } from './session-keeper';
import type { WriteQueue } from './write-queue';

/**
 * The status: the meta 'sync' row kept truthful. It knows what the server has stored of the
 * purchaser room (the union of its MESSAGE_STORED snapshots and of the updates it sent, persisted
 * as meta 'syncStored' so the waiting count survives restarts), when everything was last stored,
 * and the last refusal.
 */
export class SyncStatus {
  /** Rewrites the sync row (and the known stored snapshot) once per burst, in order with the other writes. */
  readonly publish: () => void;
  private known: Y.Snapshot = Y.emptySnapshot;
  private knownChanged = false;
  private lastSyncedAt: string | undefined;
  private problem: string | undefined;

  constructor(
    private readonly db: SeatkeeperDb,
    private readonly store: PurchaserStore,
    queue: WriteQueue,
    private readonly now: () => number,
    /** The session's mode and the purchaser room's connection, read when the row is written. */
    private readonly current: () => { mode: Mode; room: RoomStatus | undefined },
  ) {
    this.publish = queue.coalesced(async () => {
      const rows: MetaRow[] = [{ key: 'sync', value: this.meta() }];
      if (this.knownChanged) {
        this.knownChanged = false;
        rows.push({ key: 'syncStored', value: Y.encodeSnapshot(this.known) });
      }
      await this.db.meta.bulkPut(rows);
    });
  }

  /** Reads what the last run knew; returns its sync row. */
  async load(): Promise<SyncMeta | undefined> {
    const [sync, snapshot] = await Promise.all([this.db.meta.get('sync'), this.db.meta.get('syncStored')]);
    if (snapshot) this.known = Y.decodeSnapshot(snapshot.value as Uint8Array);
    const last = sync?.value as SyncMeta | undefined;
    if (last && 'lastSyncedAt' in last) this.lastSyncedAt = last.lastSyncedAt;
    return last;
  }

  /** The server is known to hold `snapshot` (an update it sent, or its acknowledgement). */
  learnStored(snapshot: Y.Snapshot): void {
    this.known = mergeSnapshots(this.known, snapshot);
    this.knownChanged = true;
  }

  /** MESSAGE_STORED: when nothing is left waiting, all is synced and an earlier refusal is past. */
  stored(snapshot: Y.Snapshot): void {
    this.learnStored(snapshot);
    if (this.waiting() === 0) {
      this.lastSyncedAt = new Date(this.now()).toISOString();
      this.problem = undefined;
    }
    this.publish();
  }

  refused(message: string): void {
    this.problem = message;
    this.publish();
  }

  clearProblem(): void {
    this.problem = undefined;
  }

  /** A new account's document: nothing of it is stored yet. */
  forgetStored(): void {
    this.known = Y.emptySnapshot;
    this.knownChanged = true;
    this.lastSyncedAt = undefined;
  }

  private waiting(): number {
    return waitingChanges(this.store.doc, this.known);
  }

  private meta(): SyncMeta {
    const { mode, room } = this.current();
    switch (mode.kind) {
      case 'local':
        return mode.kept ? { state: 'local', keptFrom: mode.kept } : { state: 'local' };
      case 'error':
        return { state: 'error', message: mode.message, role: mode.session.role };
      case 'signed-out': {
        const { serverUrl, name, role, message } = mode;
        return { state: 'signed-out', waiting: this.waiting(), serverUrl, name, ...(role ? { role } : {}), message };
      }
      case 'signed-in': {
        const { serverUrl, name, role } = mode.session;
        return {
          state: room ?? 'offline',
          waiting: this.waiting(),
          serverUrl,
          name,
          role,
          ...(this.lastSyncedAt ? { lastSyncedAt: this.lastSyncedAt } : {}),
          ...(this.problem ? { problem: this.problem } : {}),
        };
      }
    }
  }
}
