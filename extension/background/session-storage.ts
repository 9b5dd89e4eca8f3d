import { browser } from 'wxt/browser';
import type { SessionStorage } from './sync/sync-service';

const KEY = 'syncSession';

/** The sync session (server URL and tokens only) in `storage.local`, so it outlives the service worker. */
export const sessionStorage: SessionStorage = {
  load: async () => (await browser.storage.local.get(KEY))[KEY],
  save: (session) => browser.storage.local.set({ [KEY]: session }),
  clear: () => browser.storage.local.remove(KEY),
};
