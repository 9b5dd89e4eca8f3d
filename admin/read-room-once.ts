import type * as Y from 'yjs';
import { connectRoom } from '../lib/sync/room-connection';

/** How long one read may take before the export gives up and says so. */
const READ_TIMEOUT_MS = 15_000;

/**
 * Connects to a room, waits for the first sync exchange, reads the document and disconnects: the
 * console keeps no connection to a purchaser's room open, and writes nothing to it.
 */
export function readRoomOnce<T>(room: string, createDoc: () => Y.Doc, token: string, read: (doc: Y.Doc) => T): Promise<T> {
  const doc = createDoc();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`Could not read ${room} in time.`))), READ_TIMEOUT_MS);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      connection.destroy();
      doc.destroy();
      settle();
    };
    const connection = connectRoom(
      { serverUrl: location.origin, room, doc, token, WebSocket },
      {
        status(next) {
          if (next !== 'online') return;
          let value: T;
          try {
            value = read(doc);
          } catch (error) {
            return finish(() => reject(error instanceof Error ? error : new Error(String(error))));
          }
          finish(() => resolve(value));
        },
        stored() {},
        refused() {},
        closed: (code, reason) => finish(() => reject(new Error(`The sync server closed ${room} (${code} ${reason}).`))),
      },
    );
  });
}
