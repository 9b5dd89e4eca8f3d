import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { TokenService, loadSecret } from './auth';
import { SignInCodes } from './codes';
import { CLOSE } from './connection';
import { openDb } from './db';
import { createHttpHandler } from './http';
import { ThreadWriter } from './log-writer';
import { Members } from './members';
import { Extensions } from './extension';
import { Person, type SelfServicePolicy } from '../lib/org/schemas';
import { ActivityLog } from './activity-log';
import { activity } from './extensions/activity';
import { billing } from './extensions/billing/billing';
import { purchaserRules } from './extensions/purchaser-rules';
import { rights } from './extensions/rights';
import { roomShape } from './extensions/room-shape';
import { summary } from './extensions/summary';
import { support } from './extensions/support';
import { CardVault } from './payments/card-vault';
import { SimulatedProcessor } from './payments/simulated-processor';
import { Rooms } from './rooms';
import { FRAME_OVERHEAD_BYTES, attachSockets } from './sockets';
import { UpdateStore } from './storage';
import { SupportInbox } from './support-inbox';

export interface ServerOptions {
  dataDir: string;
  port: number;
  host: string;
  /** Rows per room before the log is folded into a snapshot. */
  compactAfter?: number;
  maxDocBytes?: number;
  /** How often rows written by the CLI are looked for. */
  pollMs?: number;
  /** How long a room no one is connected to stays in memory. */
  unloadAfterMs?: number;
  /** The built admin console; `npm run build:admin` writes it to .output/admin. */
  adminDir?: string;
  /**
   * How long after listening the catch-ups start (the summary, and support requests still queued).
   * Listing every stored room and reading them before the first syncs held a restart's first sync
   * back; a summary missed by a crash is only caught up this much later.
   */
  catchUpAfterMs?: number;
  /** How long each charge takes at the simulated processor (fault tests). */
  processorDelayMs?: number;
  /** How long the activity log keeps its lines; 365 days unless set. */
  activityRetentionDays?: number;
}

const BUILT_ADMIN_DIR = fileURLToPath(new URL('../.output/admin', import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** HTTP and WebSocket on one port, over the data directory's SQLite file. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = Date.now;
  const db = openDb(options.dataDir);
  const store = new UpdateStore(db);
  const members = new Members(db);
  const tokens = new TokenService(loadSecret(options.dataDir), db, now);
  const maxDocBytes = options.maxDocBytes ?? 8 * 1024 * 1024;
  const rooms = new Rooms(store, { compactAfter: options.compactAfter ?? 500, maxDocBytes }, now, new ThreadWriter(options.dataDir));
  const processor = new SimulatedProcessor(db, options.processorDelayMs);
  const vault = new CardVault(db);
  const activityLog = new ActivityLog(db);
  const directoryName = (orgId: string, personId: string) => {
    const person = rooms.open({ kind: 'org', orgId }).doc.getMap<unknown>('directory').get(personId);
    const name = person instanceof Y.Map ? person.get('displayName') : undefined;
    return typeof name === 'string' ? name : personId;
  };
  const inbox = new SupportInbox(rooms, store, directoryName, now);
  // In order: who may do what, the room's shape, the business rules, then what follows an accepted update.
  rooms.extensions = new Extensions([
    rights,
    roomShape,
    purchaserRules({ rooms, vault }),
    billing({ db, rooms, store, processor, vault, now }),
    summary({ rooms, store, catchUpAfterMs: options.catchUpAfterMs }),
    activity({ rooms, log: activityLog, now, retentionDays: options.activityRetentionDays ?? 365 }),
    support({ inbox, catchUpAfterMs: options.catchUpAfterMs }),
  ]);

  const nameOf = (orgId: string, personId: string) => {
    rooms.poll();
    return directoryName(orgId, personId);
  };
  const directoryOf = (orgId: string) => {
    rooms.poll();
    const people = rooms.open({ kind: 'org', orgId }).doc.getMap<unknown>('directory');
    // A person the directory holds in a shape the schema refuses is left out, as the extension leaves them out.
    return Object.fromEntries([...people].flatMap(([id, entity]) => {
      const person = Person.safeParse(entity instanceof Y.Map ? entity.toJSON() : entity);
      return person.success ? [[id, person.data]] : [];
    }));
  };
  const setSelfServicePolicy = async (orgId: string, productId: string, policy: SelfServicePolicy | 'default') => {
    const org = rooms.open({ kind: 'org', orgId });
    const product = org.doc.getMap<unknown>('catalog').get(productId);
    if (!(product instanceof Y.Map)) return false;
    rooms.write(org, () => (policy === 'default' ? product.delete('selfServicePolicy') : product.set('selfServicePolicy', policy)));
    await rooms.idle();
    return true;
  };
  const http = createServer(createHttpHandler({ tokens, codes: new SignInCodes(db), members, processor, cards: vault, activity: activityLog, setSelfServicePolicy, directoryOf, nameOf, now, adminDir: options.adminDir ?? BUILT_ADMIN_DIR, support: inbox }));
  const wss = attachSockets(http, { tokens, members, rooms, now, maxFrameBytes: maxDocBytes + FRAME_OVERHEAD_BYTES });
  // The CLI writes to the same file from another process: its rows and role changes are picked up here.
  const poller = setInterval(() => {
    rooms.poll();
    members.refresh();
  }, options.pollMs ?? 250);
  const unloadAfterMs = options.unloadAfterMs ?? 30_000;
  // Rooms are read back from storage when someone comes back; memory then follows who is connected, not how many rooms exist.
  const unloader = setInterval(() => rooms.unloadIdle(unloadAfterMs), Math.max(1_000, unloadAfterMs / 3));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  rooms.extensions.listen();

  return {
    url: `http://${options.host}:${port}`,
    async close() {
      clearInterval(poller);
      clearInterval(unloader);
      for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'Server shutting down');
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await rooms.extensions.destroy();
      await rooms.close();
      db.close();
    },
  };
}
