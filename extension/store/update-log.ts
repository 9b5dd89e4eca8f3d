import * as Y from 'yjs';
import type { SeatkeeperDb } from './db';

/** Past this many updates since the last snapshot, the log is folded into a new snapshot. */
export const COMPACT_AFTER_ROWS = 200;

/** Reads the stored updates into the Y.Doc, and returns how many rows were read. */
export async function loadUpdates(db: SeatkeeperDb, doc: Y.Doc, origin: unknown): Promise<number> {
  const rows = await db.updates.orderBy('seq').toArray();
  if (rows.length) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((row) => row.update)), origin);
  return rows.length;
}

/**
 * Stores a batch of updates: appended as one merged row while the log holds few updates since its
 * last snapshot, otherwise the whole log is replaced by one snapshot of the document, so storage
 * stays bounded however many edits are made. Call inside a Dexie transaction covering `updates`.
 * Returns how many updates the log holds beyond its snapshot afterwards.
 */
export async function storeUpdates(
  db: SeatkeeperDb,
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  sinceSnapshot: number,
): Promise<number> {
  if (sinceSnapshot + updates.length > COMPACT_AFTER_ROWS) {
    await db.updates.clear();
    await db.updates.add({ update: Y.encodeStateAsUpdate(doc) });
    return 0;
  }
  await db.updates.add({ update: updates.length === 1 ? updates[0]! : Y.mergeUpdates([...updates]) });
  return sinceSnapshot + updates.length;
}
