import * as Y from 'yjs';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import { changedEntities, mergeChanged, type ChangedEntities } from '../../lib/doc/changed-entities';
import { createPurchaserDoc } from '../../lib/doc/purchaser-doc';
import type { IsoDateTime } from '../../lib/dates';
import { WasteLedger } from '../../lib/insights/waste-ledger';
import { COLLECTIONS } from '../../lib/state';
import type { SeatkeeperDb } from './db';
import { projectEntities, type ProjectedSubscriptions } from './projection';
import { loadUpdates, storeUpdates } from './update-log';

/** Origin of the purchaser's own commands: the only ones that can be undone. */
export const LOCAL_COMMAND = Symbol('local command');
/** Origin of changes that set the document up (demo seed): persisted, not undoable. */
export const SEED = Symbol('seed');
const LOADED = Symbol('loaded from storage');

/**
 * Owns the purchaser's Y.Doc. Every transaction on it, local or remote, is appended to the update
 * log and projected into the Dexie tables in one IndexedDB transaction, in the order it happened.
 */
export class PurchaserStore {
  private current = createPurchaserDoc();
  private undoManager = this.createUndoManager();
  private lastWrite: Promise<void> = Promise.resolve();
  private pending: { update: Uint8Array; changed: ChangedEntities }[] = [];
  private flushQueued = false;
  private sinceSnapshot = 0;
  private readonly replaceListeners = new Set<(doc: Y.Doc) => void>();
  /**
   * Each subscription's unused licenses and the ids of all of them, for the stored total and count
   * the popup reads; filled from the table at the first write.
   */
  private readonly waste = new WasteLedger();
  private readonly projectedIds = new Set<string>();
  private summariesLoaded = false;

  constructor(
    private readonly db: SeatkeeperDb,
    private readonly now: () => IsoDateTime = () => new Date().toISOString(),
  ) {}

  get doc(): Y.Doc {
    return this.current;
  }

  get canUndo(): boolean {
    return this.undoManager.undoStack.length > 0;
  }

  /** Loads the stored document and starts persisting. Resolves to false when nothing was stored yet. */
  async open(): Promise<boolean> {
    const rows = await loadUpdates(this.db, this.current, LOADED);
    this.sinceSnapshot = rows;
    this.current.on('update', this.onUpdate);
    return rows > 0;
  }

  /** Applies changes as one transaction and resolves, with its update, once they are stored and projected. */
  async apply(changes: readonly Change[], origin: unknown = LOCAL_COMMAND): Promise<Uint8Array | undefined> {
    let update: Uint8Array | undefined;
    const capture = (made: Uint8Array, madeBy: unknown) => {
      if (madeBy === origin) update = made;
    };
    this.current.on('update', capture);
    try {
      applyChanges(this.current, changes, origin);
    } finally {
      this.current.off('update', capture);
    }
    await this.settled();
    return update;
  }

  /** Reverts the last local command; the revert is stored and synced like any other change. */
  undo(): Promise<void> {
    this.undoManager.undo();
    return this.settled();
  }

  /** Resolves once every change so far is stored and projected; rejects if the last write failed. */
  settled(): Promise<void> {
    return this.lastWrite;
  }

  /**
   * Calls `listener` with the new document each time `reset` replaces it, so that whatever is bound
   * to the old one (a sync connection) can follow. Returns the unsubscribe function.
   */
  onReplace(listener: (doc: Y.Doc) => void): () => void {
    this.replaceListeners.add(listener);
    return () => this.replaceListeners.delete(listener);
  }

  /** Forgets every local change: a new empty document and empty tables. */
  async reset(): Promise<void> {
    await this.settled().catch(() => undefined);
    this.current.off('update', this.onUpdate);
    this.undoManager.destroy();
    this.current.destroy();
    this.current = createPurchaserDoc();
    this.undoManager = this.createUndoManager();
    this.sinceSnapshot = 0;
    await this.db.transaction('rw', [this.db.updates, this.db.meta, ...COLLECTIONS.map((c) => this.db.table(c))], async () => {
      await Promise.all([this.db.updates.clear(), this.db.meta.bulkDelete(['waste', 'subscriptionCount']), ...COLLECTIONS.map((c) => this.db.table(c).clear())]);
    });
    this.waste.clear();
    this.projectedIds.clear();
    this.summariesLoaded = true;
    this.current.on('update', this.onUpdate);
    for (const listener of this.replaceListeners) listener(this.current);
  }

  private createUndoManager(): Y.UndoManager {
    const scope = COLLECTIONS.map((c) => this.current.getMap(c));
    return new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_COMMAND]), captureTimeout: 0 });
  }

  private readonly onUpdate = (update: Uint8Array, _origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => {
    this.write(update, changedEntities(doc, transaction));
  };

  /**
   * Queues an update; updates that arrive while a write is running are stored together in the next
   * IndexedDB transaction, so a burst of edits costs one write, not one each.
   */
  private write(update: Uint8Array, changed: ChangedEntities): Promise<void> {
    this.pending.push({ update, changed });
    if (!this.flushQueued) {
      this.flushQueued = true;
      this.lastWrite = this.lastWrite.catch(() => undefined).then(() => this.flush());
    }
    return this.lastWrite;
  }

  private flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending.splice(0);
    const { db } = this;
    const doc = this.current;
    const changed = mergeChanged(batch.map((entry) => entry.changed));
    return db.transaction('rw', [db.updates, db.meta, ...COLLECTIONS.map((c) => db.table(c))], async () => {
      const updates = batch.map((entry) => entry.update);
      this.sinceSnapshot = await storeUpdates(db, doc, updates, this.sinceSnapshot);
      const subscriptions = await projectEntities(db, doc, changed);
      if (changed.has('subscriptions')) await this.projectSummaries(subscriptions);
    });
  }

  /**
   * The popup's total waste and count of subscriptions, `meta.waste` and `meta.subscriptionCount`,
   * in the transaction that wrote the subscriptions: the popup reads two rows instead of every
   * subscription or key. The first write after a start reads the table once; later ones touch only
   * what changed.
   */
  private async projectSummaries({ put, deleted }: ProjectedSubscriptions): Promise<void> {
    const now = this.now();
    for (const sub of this.summariesLoaded ? put : await this.db.subscriptions.toArray()) {
      this.waste.put(sub, now);
      this.projectedIds.add(sub.id);
    }
    this.summariesLoaded = true;
    for (const id of deleted) {
      this.waste.delete(id);
      this.projectedIds.delete(id);
    }
    await this.db.meta.bulkPut([
      { key: 'waste', value: this.waste.snapshot() },
      { key: 'subscriptionCount', value: this.projectedIds.size },
    ]);
  }
}
