import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ACKS_PARAM, MESSAGE_REFUSED, MESSAGE_STORED, readRefused, readStored, type Refusal } from '../room/messages';
import { socketUrl } from './server-url';

/** `connecting` until the first sync exchange completes, `online` until the socket closes, then `offline` while retrying. */
export type RoomStatus = 'connecting' | 'online' | 'offline';

export interface RoomEvents {
  status(status: RoomStatus): void;
  /** MESSAGE_STORED: the room's snapshot after the server stored what this client sent. */
  stored(snapshot: Y.Snapshot): void;
  refused(refusal: Refusal): void;
  /** The server closed with 4400–4499: the provider stops reconnecting until `reconnect`. */
  closed(code: number, reason: string): void;
}

export interface RoomOptions {
  serverUrl: string;
  room: string;
  doc: Y.Doc;
  token: string;
  /** The platform's WebSocket (the service worker's, or `ws` in Node). */
  WebSocket: unknown;
}

export interface RoomConnection {
  /** The origin of the updates this connection applies to its Y.Doc. */
  readonly origin: unknown;
  readonly status: RoomStatus;
  /** The access token of the current (or last) socket. */
  readonly token: string;
  /** Whether the provider gave up (closed for good) or was never connected. */
  readonly stopped: boolean;
  /** Drops the current socket and connects again with a new access token. */
  reconnect(token: string): void;
  destroy(): void;
}

/** The query of the socket URL: the access token, and asking for MESSAGE_STORED / MESSAGE_REFUSED. */
const params = (token: string) => ({ token, [ACKS_PARAM]: '1' });

/**
 * Longest wait between reconnection attempts (y-websocket doubles it from 200 ms): a restarted
 * server is found within 800 ms of listening, so a device is synced again within about a second.
 * One attempt per room that often costs a server that is down a refused TCP connection.
 */
const MAX_BACKOFF_MS = 800;

type MessageHandler = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, messageType: number) => void;

/**
 * One room of the sync server on one document, through y-websocket's provider with the token in
 * the `token` query parameter. Asks for the server's two messages (stored, refused), handles them, and
 * reports one status instead of its three events.
 */
export function connectRoom({ serverUrl, room, doc, token, WebSocket }: RoomOptions, events: RoomEvents): RoomConnection {
  const provider = new WebsocketProvider(socketUrl(serverUrl), room, doc, {
    params: params(token),
    disableBc: true,
    connect: true,
    maxBackoffTime: MAX_BACKOFF_MS,
    WebSocketPolyfill: WebSocket as typeof globalThis.WebSocket,
  });
  const handlers = provider.messageHandlers as MessageHandler[];
  handlers[MESSAGE_STORED] = (_encoder, decoder) => events.stored(readStored(decoder));
  handlers[MESSAGE_REFUSED] = (_encoder, decoder) => events.refused(readRefused(decoder));

  let status: RoomStatus = 'connecting';
  const report = (next: RoomStatus) => {
    if (next === status) return;
    status = next;
    events.status(next);
  };
  // Retries while the server is unreachable stay 'offline': only a socket that opened is 'connecting' again.
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'connected') report('connecting');
    else if (s === 'disconnected') report('offline');
    else if (status !== 'offline') report('connecting');
  });
  provider.on('connection-close', () => report('offline'));
  provider.on('sync', (synced: boolean) => report(synced ? 'online' : provider.wsconnected ? 'connecting' : 'offline'));
  provider.on('closed', ({ code, reason }: { code: number; reason: string }) => events.closed(code, reason));

  return {
    origin: provider,
    get status() {
      return status;
    },
    get token() {
      return (provider.params as { token: string }).token;
    },
    get stopped() {
      return !provider.shouldConnect;
    },
    reconnect(next) {
      provider.params = params(next);
      provider.disconnect();
      report('connecting');
      provider.connect();
    },
    destroy() {
      provider.destroy();
      // The provider made this awareness and does not destroy it; its timer would outlive us.
      provider.awareness.destroy();
    },
  };
}
