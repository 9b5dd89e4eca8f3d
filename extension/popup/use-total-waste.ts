import { totalWaste, type WasteTotal } from '../../lib/insights/unused-licenses';
import { db } from '../ui/db';
import { useLiveQuery } from '../ui/use-live-query';

/**
 * What all the purchaser's unused licenses cost, live: one read of every row per change of the
 * table, added up in the query, so a render (typing a search, "Show more") costs nothing.
 */
export function useTotalWaste(): WasteTotal[] | undefined {
  return useLiveQuery(async () => totalWaste(await db.subscriptions.toArray(), new Date().toISOString()), []).data;
}
