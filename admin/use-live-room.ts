import { useEffect, useRef, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { connectRoom, type RoomConnection } from '../lib/sync/room-connection';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveRoomEvents {
  /** The server refused the current token (expired, or no longer valid): renew it; a new one reconnects. */
  unauthorized(): void;
  /** The server closed the room for good (the person is no longer an admin, say), saying why. */
  ended(reason: string): void;
}

const CLOSE_UNAUTHORIZED = 4401;
/** A root not synced yet: one object, so memos over it keep. */
const NOTHING: Record<string, unknown> = {};

/** One top-level map of a room the console reads (never writes), live over one WebSocket. */
export function useLiveRoom(room: string, root: string, createDoc: () => Y.Doc, token: string, events: LiveRoomEvents): { entries: Record<string, unknown>; status: LiveStatus } {
  const { roots, status } = useLiveRoots(room, [root], createDoc, token, events);
  return { entries: roots[root] ?? NOTHING, status };
}

/**
 * Top-level maps of a room the console reads (never writes), live over one WebSocket: several
 * roots of one room share its connection. A new access token reconnects the same document, so only
 * what changed meanwhile is sent again. `roots` is read when the room connects.
 */
export function useLiveRoots(room: string, roots: readonly string[], createDoc: () => Y.Doc, token: string, events: LiveRoomEvents): { roots: Record<string, Record<string, unknown>>; status: LiveStatus } {
  const [entries, setEntries] = useState<Record<string, Record<string, unknown>>>({});
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // A refusal means the local document holds something the room does not (the server's data was
  // reset under an open console): a fresh document, synced from scratch, is the way back.
  const [generation, setGeneration] = useState(0);
  const connection = useRef<{ room: RoomConnection; token: string } | undefined>(undefined);
  const latest = useRef({ events, token });
  latest.current = { events, token };

  useEffect(() => {
    const doc = createDoc();
    const maps = roots.map((root) => [root, doc.getMap(root)] as const);
    // Deep: entities that are Y.Maps (the support inbox's, the catalog's) change inside without the root changing.
    const readers = maps.map(([root, map]) => {
      const read = () => setEntries((current) => ({ ...current, [root]: map.toJSON() }));
      map.observeDeep(read);
      return () => map.unobserveDeep(read);
    });
    setEntries({});
    setStatus('connecting');
    let wasLive = false;
    const connected = connectRoom(
      { serverUrl: location.origin, room, doc, token, WebSocket },
      {
        status(next) {
          wasLive ||= next === 'online';
          setStatus(next === 'online' ? 'live' : wasLive ? 'reconnecting' : 'connecting');
        },
        // The console sends nothing of its own; the server acknowledges the sync handshake only.
        stored() {},
        refused: () => setGeneration((n) => n + 1),
        closed(code, reason) {
          const { events: on, token: newest } = latest.current;
          if (code !== CLOSE_UNAUTHORIZED) return on.ended(reason);
          // Refused a token that has been renewed since: the new one is all it takes.
          if (connection.current && connection.current.token !== newest) {
            connection.current.token = newest;
            connection.current.room.reconnect(newest);
          } else on.unauthorized();
        },
      },
    );
    connection.current = { room: connected, token };
    return () => {
      for (const stop of readers) stop();
      connected.destroy();
      doc.destroy();
      connection.current = undefined;
    };
    // The token is read at connect time only; the effect below hands new ones to the open room.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room, roots.join('\n'), generation]);

  useEffect(() => {
    const current = connection.current;
    if (!current || current.token === token) return;
    current.token = token;
    current.room.reconnect(token);
  }, [token]);

  return { roots: entries, status };
}
