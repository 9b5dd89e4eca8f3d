import * as Y from 'yjs';
import { COLLECTIONS } from '../state';

/**
 * A new purchaser document with every collection defined up front: a remote update for a root
 * type that was never defined would otherwise integrate into a placeholder type that observers
 * and `changedEntities` cannot recognise.
 */
export function createPurchaserDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (const collection of COLLECTIONS) doc.getMap(collection);
  return doc;
}
