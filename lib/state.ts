import * as z from 'zod/mini';
import { BillingAccount, BillingProfile, Invoice, PaymentMethod } from './billing/schemas';
import { Subscription } from './subscriptions/schema';
import { SupportRequest } from './support/schema';

/** Everything one purchaser owns. In storage and on the wire it is one Y.Doc with a top-level map per collection. */
export const PurchaserState = z.object({
  subscriptions: z.record(z.string(), Subscription),
  billingAccounts: z.record(z.string(), BillingAccount),
  billingProfiles: z.record(z.string(), BillingProfile),
  paymentMethods: z.record(z.string(), PaymentMethod),
  invoices: z.record(z.string(), Invoice),
  supportRequests: z.record(z.string(), SupportRequest),
});
export type PurchaserState = z.infer<typeof PurchaserState>;

export const COLLECTIONS = [
  'subscriptions',
  'billingAccounts',
  'billingProfiles',
  'paymentMethods',
  'invoices',
  'supportRequests',
] as const satisfies readonly (keyof PurchaserState)[];
export type Collection = (typeof COLLECTIONS)[number];

export const Collection = z.enum(COLLECTIONS);

export function emptyState(): PurchaserState {
  return { subscriptions: {}, billingAccounts: {}, billingProfiles: {}, paymentMethods: {}, invoices: {}, supportRequests: {} };
}
