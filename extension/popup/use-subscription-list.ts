import type { Subscription } from '../../lib/subscriptions/schema';
import type { SeatkeeperDb } from '../store/db';
import { db } from '../ui/db';
import { readMeta } from '../ui/meta';
import { matchesSearch, sortSubscriptions, type SortKey } from '../../components/subscription-view';
import { useLiveQuery } from '../ui/use-live-query';

export interface SubscriptionList {
  /** The first `limit` subscriptions matching the search, in `sort` order. */
  first: Subscription[];
  /** How many match the search (all of them without one). */
  matched: number;
  total: number;
}

/**
 * The popup's list, live. The default view (by name, no search) reads only the first `limit` rows
 * through the productName index, and the count the background stores: opening the popup on 1,000
 * subscriptions then costs one short index read instead of reading and cloning every row. A search
 * or another sort reads every row, so both always cover all subscriptions. `initial` is the default
 * view read before the popup's first render (see first-screen.ts).
 */
export function useSubscriptionList(query: string, sort: SortKey, limit: number, initial?: SubscriptionList): SubscriptionList | undefined {
  const everything = sort !== 'name' || query.trim() !== '';
  return useLiveQuery(async () => {
    if (!everything) return readByName(limit);
    const all = await db.subscriptions.toArray();
    const matching = sortSubscriptions(all.filter((s) => matchesSearch(s, query)), sort);
    return { first: matching.slice(0, limit), matched: matching.length, total: all.length };
  }, [everything ? query : '', sort, limit], initial).data;
}

/**
 * The default view: the first `limit` subscriptions by name (one index read) and the count of all,
 * the one the background stores with them (counted here only in a database from before it).
 */
export async function readByName(limit: number, from: SeatkeeperDb = db): Promise<SubscriptionList> {
  const [total, first] = await Promise.all([
    readMeta('subscriptionCount', from).then((stored) => stored ?? from.subscriptions.count()),
    from.subscriptions.orderBy('productName').limit(limit).toArray(),
  ]);
  return { first, matched: total, total };
}
