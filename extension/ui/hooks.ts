import type { PaymentNotice } from '../../lib/billing/payment-notice';
import type { PersonRow } from '../store/db';
import { db } from './db';
import { useMeta } from './meta';
import { useLiveQuery } from './use-live-query';

/** By subscription id: a purchase or license change awaiting the sync server's charge, or whose payment failed. */
export function usePaymentNotices(): Record<string, PaymentNotice> {
  return useMeta('payments') ?? {};
}

/** The directory entries for a set of ids (e.g. a subscription's assignees), in name order. */
export function usePeople(ids: readonly string[]): PersonRow[] | undefined {
  const key = [...ids].sort().join(',');
  return useLiveQuery(
    async () => {
      const rows = await db.people.bulkGet([...ids]);
      return rows
        .map((row, i) =>
          row ?? { id: ids[i]!, orgId: '', displayName: 'Unknown person', email: `${ids[i]}@unknown`, department: '', words: [] },
        )
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
    [key],
  ).data;
}
