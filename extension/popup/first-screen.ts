import type { MetaKey, MetaRow } from '../store/db';
import { DB_NAME, type StoreName } from '../store/schema';
import type { MetaSeed } from '../ui/meta';
import type { Subscription } from '../../lib/subscriptions/schema';
import type { SubscriptionList } from './use-subscription-list';

/**
 * Cards rendered at first and per "Show more": a few screens of the 600 px popup. Rendering every
 * card of a large account (1,000 cards, 30,000 DOM nodes) kept the popup blank for most of a second.
 */
export const PAGE = 20;

/** The meta rows the popup's first screen shows: header, notices, card states, total waste, sync line, read-only. */
const FIRST_SCREEN_META: readonly MetaKey[] = ['organization', 'notices', 'payments', 'waste', 'sync'];
const COUNT: MetaKey = 'subscriptionCount';

const SUBSCRIPTIONS: StoreName = 'subscriptions';
const META: StoreName = 'meta';
/** The index `readByName` orders by (see DB_STORES). */
const BY_NAME = 'productName';

/** What the popup's first render shows, read before it (see entrypoints/popup/main.tsx). */
export interface FirstScreen {
  list: SubscriptionList;
  meta: MetaSeed;
}

/** Where to read: the extension's database unless a test passes its own. */
export interface FirstScreenSource {
  factory: IDBFactory;
  name: string;
}

/**
 * Reads the popup's first screen (what `readByName(limit)` and the meta rows above give) in one
 * transaction, so it opens on its cards and the right sync line instead of a "Loading" frame
 * followed by each live query's own read. Plain IndexedDB, not Dexie: the read then waits neither
 * for Dexie's open (which checks the schema first) nor for its promise machinery, about 15 ms less
 * on every opening of the popup (bench, same host). Rejects when there is no database yet; it never
 * creates one, since that is the background's.
 */
export function readFirstScreen(limit: number, source: FirstScreenSource = { factory: indexedDB, name: DB_NAME }): Promise<FirstScreen> {
  return new Promise((resolve, reject) => {
    const open = source.factory.open(source.name);
    // Only a database that does not exist yet gets an upgrade from an open without a version.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => reject(open.error ?? new Error('The database did not open.'));
    open.onsuccess = () => {
      const idb = open.result;
      // Never hold up the background's own upgrade of the schema.
      idb.onversionchange = () => idb.close();
      try {
        const tx = idb.transaction([SUBSCRIPTIONS, META], 'readonly');
        const subscriptions = tx.objectStore(SUBSCRIPTIONS);
        const first = subscriptions.index(BY_NAME).getAll(null, limit);
        const meta = FIRST_SCREEN_META.map((key) => tx.objectStore(META).get(key) as IDBRequest<MetaRow | undefined>);
        // The count the background stores with the rows; counted here only in a database from before it.
        const stored = tx.objectStore(META).get(COUNT) as IDBRequest<MetaRow<'subscriptionCount'> | undefined>;
        let counted: IDBRequest<number> | undefined;
        stored.onsuccess = () => {
          if (!stored.result) counted = subscriptions.count();
        };
        tx.oncomplete = () => {
          idb.close();
          const total = stored.result?.value ?? counted?.result ?? 0;
          resolve({
            list: { first: first.result as Subscription[], matched: total, total },
            meta: Object.fromEntries(meta.flatMap(({ result }) => (result ? [[result.key, result.value]] : []))),
          });
        };
        tx.onabort = () => {
          idb.close();
          reject(tx.error ?? new Error('The first screen read was aborted.'));
        };
      } catch (error) {
        // A store or index this version of the database does not have.
        idb.close();
        reject(error);
      }
    };
  });
}
