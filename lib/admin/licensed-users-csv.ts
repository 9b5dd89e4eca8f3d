import type { Person } from '../org/schemas';
import type { Subscription } from '../subscriptions/schema';
import { toCsv } from './csv';

export const LICENSED_USERS_HEADER = ['Person', 'Email', 'Department', 'Product', 'Purchaser', 'Assigned since'] as const;

/** A subscription as read from its purchaser's room, with who bought it. */
export interface PurchasedSubscription {
  purchaserName: string;
  subscription: Pick<Subscription, 'productName' | 'assigned'>;
}

/**
 * "Export users" of the reference: one row per license holder of the chosen subscriptions, from
 * the purchasers' rooms (the summary holds names only), sorted by product then person. Someone who
 * left the directory keeps their row under their id, with no email or department.
 */
export function licensedUsersCsv(subscriptions: readonly PurchasedSubscription[], directory: Readonly<Record<string, Person>>): string {
  const rows = subscriptions.flatMap(({ purchaserName, subscription }) =>
    Object.entries(subscription.assigned).map(([personId, since]) => {
      const person = directory[personId];
      return [person?.displayName ?? personId, person?.email ?? '', person?.department ?? '', subscription.productName, purchaserName, since.slice(0, 10)];
    }),
  );
  rows.sort((a, b) => a[3]!.localeCompare(b[3]!) || a[0]!.localeCompare(b[0]!));
  return toCsv([LICENSED_USERS_HEADER, ...rows]);
}
