/** The extension's IndexedDB database, as the background's Dexie opens it. */
export const DB_NAME = 'seatkeeper';

/**
 * Its tables and their indexes in Dexie's notation (primary key first). A module of its own, free of
 * Dexie, so the popup's plain IndexedDB read of its first screen names the stores Dexie created.
 */
export const DB_STORES = {
  updates: '++seq',
  subscriptions: 'id, productName, status, renewsOn',
  billingAccounts: 'id',
  billingProfiles: 'id, accountId',
  paymentMethods: 'id, profileId',
  invoices: 'id, issuedOn, number',
  supportRequests: 'id, createdAt',
  products: 'id, name',
  people: 'id, displayName, *words',
  meta: 'key',
} as const;

export type StoreName = keyof typeof DB_STORES;
