import WebSocket from 'ws';
import { createPurchaserService } from '../../lib/background/purchaser-service';
import { createSyncService } from '../../lib/background/sync-service';
import { demoOrgSource } from '../../lib/org/source';
import { PurchaserStore } from '../../lib/store/purchaser-store';
import { accountOrgSource } from '../../lib/sync/account-org-source';
import type { SyncMeta } from '../../lib/sync/status';
import { memoryDb } from '../fixtures/db';
import { until } from '../fixtures/until';

/**
 * One browser's background, run in Node with real fetch and WebSocket: its own IndexedDB (in
 * memory), session storage and document, wired as entrypoints/background wires them. Not signed in.
 */
export async function nodeDevice(idPrefix: string) {
  const { db } = memoryDb();
  const store = new PurchaserStore(db);
  let saved: unknown;
  const sync = createSyncService({
    db,
    store,
    sessions: { load: async () => saved, save: async (s) => void (saved = s), clear: async () => void (saved = undefined) },
    fetch: (url, init) => fetch(url, init),
    WebSocket,
    now: Date.now,
    timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
  });
  let n = 0;
  const service = createPurchaserService({
    db,
    store,
    sync,
    orgSource: accountOrgSource(db, demoOrgSource),
    now: () => new Date().toISOString(),
    newId: () => `${idPrefix}-${Date.now()}-${++n}`,
  });
  await service.handle({ type: 'ready' });
  const meta = async () => (await db.meta.get('sync'))?.value as SyncMeta | undefined;
  const synced = (timeoutMs?: number) =>
    until(async () => {
      const m = await meta();
      return m?.state === 'online' && m.waiting === 0;
    }, 'all changes synced', timeoutMs);
  return { db, store, sync, service, meta, synced };
}
