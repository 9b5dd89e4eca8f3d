import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACKS_PARAM, MESSAGE_REFUSED, MESSAGE_STORED, readRefused, readStored, type Refusal } from '../../lib/room/messages';
import { createRoomDoc } from '../../lib/room/room-doc';
import { parseRoom } from '../../lib/room/room-name';
import { TokenService, loadSecret, type Who } from '../../server/auth';
import { openDb } from '../../server/db';
import { OrgAdmin } from '../../server/org-admin';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Waits for a condition on real state (a message received, a document changed), failing after
 * `timeoutMs` with `context()` in the message.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000, context?: () => unknown): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${context ? `: ${JSON.stringify(context())}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'seatkeeper-server-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs organization setup in this process, straight on the data directory, as the CLI does. */
export function withAdmin<T>(dataDir: string, use: (admin: OrgAdmin) => T): T {
  const admin = OrgAdmin.open(dataDir);
  try {
    return use(admin);
  } finally {
    admin.close();
  }
}

/** Signs tokens with the data directory's secret, at any clock: for expired tokens and quick setup. */
export async function mint(dataDir: string, who: Who, now = Date.now()): Promise<string> {
  const db = openDb(dataDir);
  try {
    return (await new TokenService(loadSecret(dataDir), db, () => now).issue(who)).accessToken;
  } finally {
    db.close();
  }
}

export interface ServerProcess {
  url: string;
  wsUrl: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** What the process printed, for failure messages. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `server/main.ts` as a child process on a free (or the given) loopback port. */
export function startServer(dataDir: string, { port = 0, args = [] as string[] } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Server did not start in time:\n${output}`)), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitedEarly = (code: number | null) => fail(new Error(`Server exited with ${code}:\n${output}`));
    child.once('exit', exitedEarly);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:(\d+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      const url = match[1]!;
      resolve({
        url,
        wsUrl: url.replace(/^http/, 'ws'),
        port: Number(match[2]),
        child,
        exited,
        output: () => output,
        async kill(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
  });
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  stored: Y.Snapshot[];
  refused: Refusal[];
  closes: { code: number; reason: string }[];
  /** Whether the server stored everything of the local document (its last MESSAGE_STORED covers it). */
  allStored(): boolean;
  destroy(): void;
}

/** A y-websocket client in Node that asks for acknowledgements, recording the server's stored/refused messages and closes. */
export function connect(wsUrl: string, roomName: string, token: string | undefined, doc?: Y.Doc): Client {
  const room = parseRoom(roomName);
  const local = doc ?? (room ? createRoomDoc(room.kind) : new Y.Doc());
  const provider = new WebsocketProvider(wsUrl, roomName, local, {
    params: { ...(token === undefined ? {} : { token }), [ACKS_PARAM]: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const client: Client = {
    doc: local,
    provider,
    stored: [],
    refused: [],
    closes: [],
    allStored() {
      const last = client.stored.at(-1);
      return !!last && Y.snapshotContainsUpdate(last, Y.encodeStateAsUpdate(local));
    },
    destroy() {
      provider.destroy();
    },
  };
  provider.messageHandlers[MESSAGE_STORED] = (_encoder: unknown, decoder: decoding.Decoder) => void client.stored.push(readStored(decoder));
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder: unknown, decoder: decoding.Decoder) => void client.refused.push(readRefused(decoder));
  provider.on('connection-close', (event) => {
    if (event) client.closes.push({ code: event.code, reason: event.reason });
  });
  return client;
}

/** Connects and waits for the first sync; fails if the server closes the connection first. */
export async function connectSynced(wsUrl: string, roomName: string, token: string, doc?: Y.Doc): Promise<Client> {
  const client = connect(wsUrl, roomName, token, doc);
  await until(() => client.provider.synced || client.closes.length > 0, `sync of ${roomName}`);
  if (!client.provider.synced) throw new Error(`Closed: ${JSON.stringify(client.closes)}`);
  return client;
}

/** Connects and waits for the server to close the connection; resolves with the close. */
export async function connectRefused(wsUrl: string, roomName: string, token: string | undefined): Promise<{ code: number; reason: string }> {
  const client = connect(wsUrl, roomName, token);
  try {
    await until(() => client.closes.length > 0, `close of ${roomName}`);
    return client.closes[0]!;
  } finally {
    client.destroy();
  }
}
