import type * as Y from 'yjs';
import { COLLECTIONS, type Collection } from '../state';

/** Any shared type: Yjs gives each kind its own event type, which `unknown` would reject. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyType = Y.AbstractType<any>;

export type ChangedEntities = Map<Collection, Set<string>>;

/**
 * Which keys of the given top-level maps a transaction touched, local or remote. A change deep
 * inside an entry is traced up to the entry's key in its root. Roots must exist before the transaction.
 */
export function changedKeys<R extends string>(doc: Y.Doc, transaction: Y.Transaction, rootNames: readonly R[]): Map<R, Set<string>> {
  const roots = new Map<AnyType, R>();
  for (const name of rootNames) {
    const root = doc.share.get(name);
    if (root) roots.set(root, name);
  }

  const result = new Map<R, Set<string>>();
  const mark = (root: R, key: string) => {
    let keys = result.get(root);
    if (!keys) result.set(root, (keys = new Set()));
    keys.add(key);
  };

  for (const [type, keys] of transaction.changed) {
    const rootName = roots.get(type as AnyType);
    if (rootName) {
      for (const key of keys) if (key !== null) mark(rootName, key);
      continue;
    }
    let child: AnyType = type as AnyType;
    while (child._item) {
      const parent = child._item.parent as AnyType;
      const name = roots.get(parent);
      if (name) {
        if (child._item.parentSub !== null) mark(name, child._item.parentSub);
        break;
      }
      child = parent;
    }
  }
  return result;
}

/**
 * Which entities a transaction touched, so that only those are projected again. Expects a
 * document from `createPurchaserDoc`, whose collections exist before any update arrives.
 */
export function changedEntities(doc: Y.Doc, transaction: Y.Transaction): ChangedEntities {
  return changedKeys(doc, transaction, COLLECTIONS);
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
