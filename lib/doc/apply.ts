import * as Y from 'yjs';
import type { Change } from './change';
import { MAP_FIELDS } from './change';

type Json = unknown;

function entityMap(doc: Y.Doc, collection: string, id: string): Y.Map<Json> {
  const coll = doc.getMap<Y.Map<Json>>(collection);
  let entity = coll.get(id);
  if (!entity) {
    entity = new Y.Map<Json>();
    coll.set(id, entity);
  }
  return entity;
}

function nestedMap(entity: Y.Map<Json>, field: string): Y.Map<Json> {
  const existing = entity.get(field);
  if (existing instanceof Y.Map) return existing as Y.Map<Json>;
  const created = new Y.Map<Json>();
  entity.set(field, created);
  return created;
}

function setField(entity: Y.Map<Json>, field: string, value: Json): void {
  if (value === undefined) return;
  if (MAP_FIELDS.has(field) && value !== null && typeof value === 'object') {
    const map = nestedMap(entity, field);
    for (const [key, entry] of Object.entries(value)) map.set(key, entry);
    return;
  }
  entity.set(field, value);
}

function applyOne(doc: Y.Doc, change: Change): void {
  if (change.op === 'remove') {
    doc.getMap(change.collection).delete(change.id);
    return;
  }
  const entity = entityMap(doc, change.collection, change.id);
  switch (change.op) {
    case 'put':
      for (const [field, value] of Object.entries(change.fields)) setField(entity, field, value);
      return;
    case 'mapSet': {
      const map = nestedMap(entity, change.field);
      for (const [key, value] of Object.entries(change.entries)) map.set(key, value);
      return;
    }
    case 'mapDelete': {
      const map = nestedMap(entity, change.field);
      for (const key of change.keys) map.delete(key);
      return;
    }
    case 'unset':
      entity.delete(change.field);
      return;
  }
}

/** Applies a command's changes to the document in one transaction, so they persist and sync as one update. */
export function applyChanges(doc: Y.Doc, changes: readonly Change[], origin: unknown): void {
  doc.transact(() => {
    for (const change of changes) applyOne(doc, change);
  }, origin);
}
