import type * as Y from 'yjs';
import { COLLECTIONS, type Collection } from '../state';

/** Any shared type: Yjs gives each kind its own event type, which `unknown` would reject. */
type AnyType = Y.AbstractType<any>;

export type ChangedEntities = Map<Collection, Set<string>>;

/**
 * Which entities a transaction touched, local or remote, so that only those are projected again.
 * A change deep inside an entity is traced up to the entity's key in its collection. Expects a
 * document from `createPurchaserDoc`, whose collections exist before any update arrives.
 */
export function changedEntities(doc: Y.Doc, transaction: Y.Transaction): ChangedEntities {
  const roots = new Map<AnyType, Collection>();
  for (const collection of COLLECTIONS) {
    const root = doc.share.get(collection);
    if (root) roots.set(root, collection);
  }

  const result: ChangedEntities = new Map();
  const mark = (collection: Collection, id: string) => {
    let ids = result.get(collection);
    if (!ids) result.set(collection, (ids = new Set()));
    ids.add(id);
  };

  for (const [type, keys] of transaction.changed) {
    const rootCollection = roots.get(type as AnyType);
    if (rootCollection) {
      for (const key of keys) if (key !== null) mark(rootCollection, key);
      continue;
    }
    let child: AnyType = type as AnyType;
    while (child._item) {
      const parent = child._item.parent as AnyType;
      const collection = roots.get(parent);
      if (collection) {
        if (child._item.parentSub !== null) mark(collection, child._item.parentSub);
        break;
      }
      child = parent;
    }
  }
  return result;
}

/** The union of several transactions' changed entities. */
export function mergeChanged(all: readonly ChangedEntities[]): ChangedEntities {
  const merged: ChangedEntities = new Map();
  for (const changed of all) {
    for (const [collection, ids] of changed) {
      const into = merged.get(collection);
      if (into) for (const id of ids) into.add(id);
      else merged.set(collection, new Set(ids));
    }
  }
  return merged;
}
