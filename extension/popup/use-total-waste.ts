import { freshWaste, type WasteSnapshot } from '../../lib/insights/waste-ledger';
import { totalWaste, type WasteTotal } from '../../lib/insights/unused-licenses';
import { db } from '../ui/db';
import { useLiveQuery } from '../ui/use-live-query';

/**
 * What all the purchaser's unused licenses cost, live: the one row the background rewrites with the
 * subscriptions, so opening the popup on 1,000 of them does not read them all. Only when that row is
 * missing (a database from before it) or stale (a canceled subscription has ended since) is every
 * subscription read and added up here.
 */
export function useTotalWaste(): WasteTotal[] | undefined {
  return useLiveQuery(async () => {
    const now = new Date().toISOString();
    const stored = freshWaste((await db.meta.get('waste'))?.value as WasteSnapshot | undefined, now);
    return stored ?? totalWaste(await db.subscriptions.toArray(), now);
  }, []).data;
}
