import { demoOrgSource } from '../../lib/org/source';
import type { SeatkeeperDb } from '../store/db';
import { PurchaserStore } from '../store/purchaser-store';
import { accountOrgSource } from './account-org-source';
import { createPurchaserService } from './purchaser-service';
import { createSyncService, type SyncDeps } from './sync/sync-service';

export interface BackgroundDeps {
  db: SeatkeeperDb;
  sessions: SyncDeps['sessions'];
  fetch: SyncDeps['fetch'];
  WebSocket: SyncDeps['WebSocket'];
  newId: () => string;
}

/**
 * The extension's background over one database: the document store, the sync service and the
 * purchaser service the pages talk to. The entrypoint gives it the browser's storage and platform;
 * the server tests give it Node's, so they run the background as the extension wires it.
 */
export function createBackground({ db, sessions, fetch, WebSocket, newId }: BackgroundDeps) {
  const store = new PurchaserStore(db);
  const sync = createSyncService({
    db,
    store,
    sessions,
    fetch,
    WebSocket,
    now: Date.now,
    timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
  });
  const service = createPurchaserService({
    db,
    store,
    sync,
    orgSource: accountOrgSource(db, demoOrgSource),
    now: () => new Date().toISOString(),
    newId,
  });
  return { db, store, sync, service };
}
