import * as Y from 'yjs';
import { checkRoomDoc, createRoomDoc } from '../lib/room/room-doc';
import { roomName, type Room } from '../lib/room/room-name';
import type { UpdateStore } from './storage';

/** A room's document as stored, how many rows it was read from, and the size of their merge (at least the document's encoded size). */
export function loadRoomDoc(store: UpdateStore, room: Room): { doc: Y.Doc; rows: number; bytes: number } {
  const rows = store.load(roomName(room));
  const doc = createRoomDoc(room.kind);
  const merged = rows.length ? Y.mergeUpdates(rows.map((row) => row.data)) : undefined;
  if (merged) Y.applyUpdate(doc, merged);
  return { doc, rows: rows.length, bytes: merged?.byteLength ?? 0 };
}

/**
 * Changes a room straight in storage, for the CLI and first start: the running server (if any)
 * picks the new row up by polling the update log. Refuses a change that would leave the document invalid.
 */
export function appendChange(store: UpdateStore, room: Room, change: (doc: Y.Doc) => void): Y.Doc {
  const { doc } = loadRoomDoc(store, room);
  const stateVectorBefore = Y.encodeStateVector(doc);
  const snapshotBefore = Y.snapshot(doc);
  doc.transact(() => change(doc));
  const check = checkRoomDoc(room.kind, doc);
  if (!check.ok) throw new Error(`${roomName(room)}: ${check.message}`);
  const update = Y.encodeStateAsUpdate(doc, stateVectorBefore);
  if (!Y.snapshotContainsUpdate(snapshotBefore, update)) store.append(roomName(room), update);
  return doc;
}
