import type { Person } from '../../../lib/org/schemas';
import { db } from '../../ui/db';
import { useLiveQuery } from '../../ui/use-live-query';

export function usePurchaser(): Person | undefined {
  return useLiveQuery(() => db.meta.get('purchaser'), []).data?.value as Person | undefined;
}

export function useSubscriptions() {
  return useLiveQuery(() => db.subscriptions.orderBy('productName').toArray(), []).data;
}

export function usePaymentMethods() {
  return useLiveQuery(() => db.paymentMethods.toArray(), []).data;
}
