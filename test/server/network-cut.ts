/**
 * One device's network, as a loopback TCP relay in front of the sync server: the device signs in to
 * the relay's URL, so its sign-in and all three room sockets cross it.
 *
 * - `cut()` resets every open connection (what a dropped Wi-Fi looks like to the device: it notices
 *   at once) and holds new ones until `restore()`: a connection attempt made while cut waits, as a
 *   TCP connect does while its SYNs go unanswered, and goes through the moment the link is back, so
 *   the device reconnects at once instead of after y-websocket's growing backoff.
 * - `restore({ lagMs })` can also slow the downlink for a while: the server's answer to the
 *   WebSocket upgrade passes at once (the device's socket opens and it sends its sync step 1 and
 *   any new edit), the server's frames after it are held until `lagMs` after the restore. That
 *   widens, deterministically, the window in which a device that just came back sends an edit
 *   before its sync step 2 (its offline changes).
 * - It reads the server's frames on the way (the server sends them unmasked and uncompressed) and
 *   records every MESSAGE_REFUSED, so no refusal can slip by between two writes of the sync row.
 *
 * The server behind it may be killed and restarted on the same port: connections to a server that
 * is down fail as they would without the relay.
 */
import { connect, createServer, type Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import { MESSAGE_REFUSED, readRefused, type Refusal } from '../../lib/room/messages';

export interface SeenRefusal extends Refusal {
  /** The WebSocket request path (room name and query, token removed). */
  path: string;
  /** Date.now() when the relay read it. */
  at: number;
}

export interface NetworkCut {
  /** http://127.0.0.1:<port>: the server URL the device signs in to. */
  url: string;
  readonly down: boolean;
  cut(): void;
  restore(options?: { lagMs?: number }): void;
  /**
   * Resolves true once the server accepted a WebSocket upgrade (its 101 passed to the device) for a
   * request path starting with `prefix`, made after this call; false after `timeoutMs`.
   */
  nextOpen(prefix: string, timeoutMs: number): Promise<boolean>;
  /** Every MESSAGE_REFUSED the server sent through this link. */
  readonly refusals: SeenRefusal[];
  /** Frames the reader could not follow (fragmented or compressed): a refusal among them would be missed. */
  readonly tapErrors: string[];
  close(): Promise<void>;
}

const HEAD_END = Buffer.from('\r\n\r\n');

export async function startNetworkCut(target: { host: string; port: number }): Promise<NetworkCut> {
  const open = new Set<Socket>();
  const parked = new Set<Socket>();
  const openListeners = new Set<{ prefix: string; resolve(opened: boolean): void }>();
  const refusals: SeenRefusal[] = [];
  const tapErrors: string[] = [];
  let down = false;
  /** Server frames after the upgrade are held until this time (Date.now()). */
  let holdUntil = 0;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset on one side is expected while cutting; the pair is torn down together.
    socket.on('error', () => undefined);
  };

  function relay(client: Socket): void {
    parked.delete(client);
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());

    let path = '';
    client.on('data', (chunk: Buffer) => {
      if (!path) path = requestPath(chunk);
      upstream.write(chunk);
    });
    client.resume();

    // Server → device: the response head as it comes, then (for a WebSocket) frames through the tap and the hold.
    let head: Buffer | undefined = Buffer.alloc(0);
    const tap = new FrameTap((payload) => {
      const decoder = decoding.createDecoder(payload);
      if (decoding.readVarUint(decoder) === MESSAGE_REFUSED) refusals.push({ ...readRefused(decoder), path, at: Date.now() });
    }, (error) => tapErrors.push(`${path}: ${error}`));
    let held: Buffer[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (!client.destroyed) for (const chunk of held) client.write(chunk);
      held = [];
    };
    const deliver = (chunk: Buffer) => {
      tap.push(chunk);
      const wait = holdUntil - Date.now();
      if (wait > 0 || held.length) {
        held.push(chunk);
        timer ??= setTimeout(flush, Math.max(0, wait));
      } else client.write(chunk);
    };
    let websocket = false;
    upstream.on('data', (chunk: Buffer) => {
      if (!head) return websocket ? deliver(chunk) : void client.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf(HEAD_END);
      if (end < 0) return;
      const rest = head.subarray(end + HEAD_END.length);
      client.write(head.subarray(0, end + HEAD_END.length));
      websocket = head.subarray(0, 12).toString('latin1') === 'HTTP/1.1 101';
      head = undefined;
      if (websocket) {
        for (const listener of [...openListeners]) {
          if (!path.startsWith(listener.prefix)) continue;
          openListeners.delete(listener);
          listener.resolve(true);
        }
      }
      if (rest.length) {
        if (websocket) deliver(rest);
        else client.write(rest);
      }
    });
    upstream.once('close', () => clearTimeout(timer));
  }

  const server = createServer((client) => {
    if (!down) return relay(client);
    // Held until the link is back; what the device sends meanwhile waits in the socket.
    client.pause();
    client.on('error', () => undefined);
    parked.add(client);
    client.once('close', () => parked.delete(client));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The relay has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    get down() {
      return down;
    },
    cut() {
      down = true;
      holdUntil = 0;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore({ lagMs = 0 } = {}) {
      down = false;
      holdUntil = Date.now() + lagMs;
      for (const client of [...parked]) relay(client);
    },
    nextOpen(prefix, timeoutMs) {
      return new Promise((resolve) => {
        const listener = {
          prefix,
          resolve: (opened: boolean) => {
            clearTimeout(timer);
            resolve(opened);
          },
        };
        const timer = setTimeout(() => {
          openListeners.delete(listener);
          resolve(false);
        }, timeoutMs);
        openListeners.add(listener);
      });
    },
    refusals,
    tapErrors,
    close() {
      for (const socket of [...open, ...parked]) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The path of an HTTP request line ("GET /purchaser/org/p?token=…&acks=1 HTTP/1.1"), without the token. */
function requestPath(chunk: Buffer): string {
  const line = chunk.toString('latin1', 0, Math.min(chunk.length, 4096)).split('\r\n', 1)[0] ?? '';
  const target = line.split(' ')[1] ?? '';
  return target.replace(/([?&])token=[^&]*&?/, '$1').replace(/[?&]$/, '');
}

/**
 * Reads WebSocket frames from server to client (RFC 6455 §5.2) and hands the payload of every
 * binary message to `message`. The server neither fragments nor compresses (no permessage-deflate),
 * so a frame that is either is reported to `unsupported` rather than guessed at.
 */
class FrameTap {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(
    private readonly message: (payload: Uint8Array) => void,
    private readonly unsupported: (what: string) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      const b = this.buffered;
      if (b.length < 2) return;
      const fin = (b[0]! & 0x80) !== 0;
      const compressed = (b[0]! & 0x40) !== 0;
      const opcode = b[0]! & 0x0f;
      const masked = (b[1]! & 0x80) !== 0;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const mask = masked ? offset : -1;
      if (masked) offset += 4;
      if (b.length < offset + length) return;
      const payload = Buffer.from(b.subarray(offset, offset + length));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= b[mask + (i % 4)]!;
      this.buffered = b.subarray(offset + length);
      if (opcode >= 8) continue; // close, ping, pong
      if (!fin || opcode === 0 || compressed) {
        this.unsupported(`frame with opcode ${opcode}${fin ? '' : ', not final'}${compressed ? ', compressed' : ''}`);
        continue;
      }
      if (opcode === 2 && payload.length) {
        try {
          this.message(payload);
        } catch (error) {
          this.unsupported(`undecodable message: ${String(error)}`);
        }
      }
    }
  }
}
