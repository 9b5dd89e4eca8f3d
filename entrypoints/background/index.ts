import { browser } from 'wxt/browser';
import { createPurchaserService } from '../../lib/background/purchaser-service';
import { createSyncService } from '../../lib/background/sync-service';
import { demoOrgSource } from '../../lib/org/source';
import { SeatkeeperDb } from '../../lib/store/db';
import { PurchaserStore } from '../../lib/store/purchaser-store';
import { accountOrgSource } from '../../lib/sync/account-org-source';
import { sessionStorage } from './session-storage';

/** Wakes the worker to renew the token and reconnect after Chrome stopped it; 1 minute is the shortest reliable period. */
const SYNC_ALARM = 'sync';

export default defineBackground({
  type: 'module',
  main() {
    const db = new SeatkeeperDb();
    const store = new PurchaserStore(db);
    const sync = createSyncService({
      db,
      store,
      sessions: sessionStorage,
      fetch: (url, init) => fetch(url, init),
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
      newId: () => crypto.randomUUID(),
    });
    // Answered through sendResponse (returning true) rather than a returned promise: both Chrome and
    // Firefox support it.
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      service.handle(message).then(sendResponse);
      return true;
    });
    // Listeners are added synchronously on every start, so an alarm that woke the worker is delivered.
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM) void service.handle({ type: 'ready' }).then(() => sync.wake());
    });
  },
});
