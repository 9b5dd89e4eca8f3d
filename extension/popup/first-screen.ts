import type { MetaKey, SeatkeeperDb } from '../store/db';
import { db } from '../ui/db';
import { readMetaSeed, type MetaSeed } from '../ui/meta';
import { readByName, type SubscriptionList } from './use-subscription-list';

/** The meta rows the popup's first screen shows: header, notices, card states, total waste, sync line, read-only. */
const FIRST_SCREEN_META: readonly MetaKey[] = ['organization', 'notices', 'payments', 'waste', 'sync'];

/** What the popup's first render shows, read before it (see entrypoints/popup/main.tsx). */
export interface FirstScreen {
  list: SubscriptionList;
  meta: MetaSeed;
}

/**
 * Reads the popup's first screen in one transaction, so it opens on its cards and the right sync
 * line instead of a "Loading" frame followed by each live query's own read.
 */
export function readFirstScreen(limit: number, from: SeatkeeperDb = db): Promise<FirstScreen> {
  return from.transaction('r', from.subscriptions, from.meta, async () => {
    const [list, meta] = await Promise.all([readByName(limit, from), readMetaSeed(FIRST_SCREEN_META, from)]);
    return { list, meta };
  });
}
