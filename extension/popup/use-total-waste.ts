import { freshWaste } from '../../lib/insights/waste-ledger';
import { totalWaste, type WasteTotal } from '../../lib/insights/unused-licenses';
import { db } from '../ui/db';
import { readMeta, useMetaSeed } from '../ui/meta';
import { useLiveQuery } from '../ui/use-live-query';

/**
 * What all the purchaser's unused licenses cost, live: the one row the background rewrites with the
 * subscriptions, so opening the popup on 1,000 of them does not read them all. Only when that row is
 * missing (a database from before it) or stale (a canceled subscription has ended since) is every
 * subscription read and added up here. A fresh row the popup read before its first render
 * (first-screen.ts) is shown at once.
 */
export function useTotalWaste(): WasteTotal[] | undefined {
  const seeded = freshWaste(useMetaSeed('waste'), new Date().toISOString());
  return useLiveQuery(async () => {
    const now = new Date().toISOString();
    return freshWaste(await readMeta('waste'), now) ?? totalWaste(await db.subscriptions.toArray(), now);
  }, [], seeded).data;
}
