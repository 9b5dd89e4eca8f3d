import type * as Y from 'yjs';
import { COLLECTIONS, type Collection, type PurchaserState, emptyState } from '../state';

/** The plain value of one entity (its key as `id`), or undefined when it does not exist. */
export function readEntity(doc: Y.Doc, collection: Collection, id: string): unknown {
  const entity = doc.getMap<Y.Map<unknown>>(collection).get(id);
  return entity && { ...entity.toJSON(), id };
}

/**
 * The document as plain data, unvalidated: commands read it to check their invariants, and the
 * projection validates each entity before showing it.
 */
export function readState(doc: Y.Doc): PurchaserState {
  const state = emptyState() as Record<Collection, Record<string, unknown>>;
  for (const collection of COLLECTIONS) {
    const entities: Record<string, unknown> = {};
    for (const [id, entity] of doc.getMap<Y.Map<unknown>>(collection)) entities[id] = { ...entity.toJSON(), id };
    state[collection] = entities;
  }
  return state as PurchaserState;
}
