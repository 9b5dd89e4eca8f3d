import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { rssBytes, sleep } from './proc';
import { accessTokens, purchaserRoom, seatkeeperOrg, storePurchaserHistories } from './seatkeeper-org';
import { startBenchServer, tempDir } from './servers';

export interface RestartResult {
  rooms: number;
  /** From spawning the server process to a client's first sync of a random room. */
  firstSyncMs: number;
  restRssMiB: number;
}

/** Organizations of this many purchasers; an organization is the unit the server groups rooms by. */
const PER_ORG = 100;

/**
 * Seatkeeper's server over a data directory with `rooms` stored purchaser rooms (each the demo
 * purchaser's history): time from process start to serving a first sync, and memory at rest after.
 */
export async function restart(rooms: number): Promise<RestartResult> {
  const data = tempDir('restart');
  try {
    const orgs = Array.from({ length: Math.ceil(rooms / PER_ORG) }, (_, i) => seatkeeperOrg(data.dir, `org-${i}`, Math.min(PER_ORG, rooms - i * PER_ORG), 0));
    storePurchaserHistories(data.dir, orgs.flatMap((org) => org.purchasers));

    const all = orgs.flatMap((org) => org.purchasers);
    const who = all[Math.floor(Math.random() * all.length)]!;
    const [token] = await accessTokens(data.dir, [who]);
    const server = await startBenchServer('seatkeeper', data.dir);
    try {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(server.wsUrl, purchaserRoom(who), doc, {
        params: { token: token! },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      while (!provider.synced) await sleep(1);
      const firstSyncMs = performance.now() - server.spawnedAt;
      if (doc.getMap('subscriptions').size === 0) throw new Error('the first sync brought no subscriptions');
      provider.destroy();
      doc.destroy();
      await sleep(2000);
      return { rooms, firstSyncMs, restRssMiB: rssBytes(server.pid) / 2 ** 20 };
    } finally {
      await server.stop();
    }
  } finally {
    data.remove();
  }
}
