import type { Person } from '../../../lib/org/schemas';
import { cardEntryBlock } from '../../../lib/sync/card-entry';
import { db } from '../../ui/db';
import { readMeta, useMeta } from '../../ui/meta';
import { useLiveQuery } from '../../ui/use-live-query';

export function usePurchaser(): Person | undefined {
  return useMeta('purchaser');
}

export function useSubscriptions() {
  return useLiveQuery(() => db.subscriptions.orderBy('productName').toArray(), []).data;
}

export function usePaymentMethods() {
  return useLiveQuery(() => db.paymentMethods.toArray(), []).data;
}

export function useBillingProfiles() {
  return useLiveQuery(() => db.billingProfiles.toArray(), []).data;
}

/** Whether the document belongs to a sync server account, whose server bills it (see `payableCards`); undefined while loading. */
export function useHasAccount(): boolean | undefined {
  return useLiveQuery(async () => (await readMeta('account')) !== undefined, []).data;
}

/** Why a new card number cannot be entered now (`cardEntryBlock`); null when it can, undefined while loading. */
export function useCardEntryBlock(): string | null | undefined {
  return useLiveQuery(async () => {
    const [account, sync] = await Promise.all([readMeta('account'), readMeta('sync')]);
    return cardEntryBlock(sync, account !== undefined) ?? null;
  }, []).data;
}
