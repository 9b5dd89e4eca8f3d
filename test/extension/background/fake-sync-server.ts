import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC, encodeRefused, encodeStored } from '../../../lib/room/messages';

interface CloseEvent {
  code: number;
  reason: string;
}

/**
 * An in-memory stand-in for the sync server's WebSocket side, for unit tests of the client: it
 * speaks the y-websocket sync protocol with the stored/refused messages, checks the `token` query
 * parameter against `validTokens`, and closes with the server's codes. Delivery is asynchronous,
 * like a real socket.
 */
export class FakeSyncServer {
  readonly rooms = new Map<string, Y.Doc>();
  readonly validTokens = new Set<string>();
  readonly sockets = new Set<FakeSocket>();
  /** Every connection attempt: room and token. */
  readonly attempts: { room: string; token: string | null }[] = [];
  /** When set, connections fail before opening, like a server that is down. */
  down = false;
  /** When set, the next new update to a room is refused with this message instead of stored. */
  refuseNext: string | undefined;
  readonly WebSocket: new (url: string) => FakeSocket;

  constructor() {
    const server = this;
    this.WebSocket = class extends FakeSocket {
      constructor(url: string) {
        super(server, url);
      }
    };
  }

  room(name: string): Y.Doc {
    let doc = this.rooms.get(name);
    if (!doc) {
      doc = new Y.Doc();
      this.rooms.set(name, doc);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
        for (const socket of this.sockets) if (socket.room === name && socket !== origin) socket.deliver(message);
      });
    }
    return doc;
  }

  /** Closes every open connection with a code, as the server does when a token expires or a role changes. */
  closeAll(code: number, reason: string): void {
    for (const socket of [...this.sockets]) socket.serverClose(code, reason);
  }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly room: string;

  constructor(
    private readonly server: FakeSyncServer,
    url: string,
  ) {
    const parsed = new URL(url);
    this.room = decodeURIComponent(parsed.pathname.slice(1));
    const token = parsed.searchParams.get('token');
    server.attempts.push({ room: this.room, token });
    setTimeout(() => {
      if (this.readyState !== this.CONNECTING) return;
      if (server.down) {
        this.onerror?.({});
        return this.finish({ code: 1006, reason: '' });
      }
      this.readyState = this.OPEN;
      const accepted = !!token && server.validTokens.has(token);
      if (accepted) server.sockets.add(this);
      this.onopen?.();
      if (!accepted) return this.serverClose(4401, 'Invalid access token');
      const doc = server.room(this.room);
      this.deliver(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
    });
  }

  send(data: Uint8Array): void {
    if (this.readyState !== this.OPEN || !this.server.sockets.has(this)) return;
    const doc = this.server.room(this.room);
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      this.deliver(syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector)));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    const refusal = this.server.refuseNext;
    if (refusal && !Y.snapshotContainsUpdate(Y.snapshot(doc), update)) {
      this.server.refuseNext = undefined;
      this.deliver(encodeRefused({ code: 'invalid', message: refusal }));
      return;
    }
    Y.applyUpdate(doc, update, this);
    this.deliver(encodeStored(Y.snapshot(doc)));
  }

  deliver(message: Uint8Array): void {
    const data = message.slice().buffer;
    setTimeout(() => {
      if (this.readyState === this.OPEN) this.onmessage?.({ data });
    });
  }

  serverClose(code: number, reason: string): void {
    this.finish({ code, reason });
  }

  close(): void {
    this.finish({ code: 1000, reason: '' });
  }

  finish(event: CloseEvent): void {
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CLOSED;
    this.server.sockets.delete(this);
    setTimeout(() => this.onclose?.(event));
  }
}
