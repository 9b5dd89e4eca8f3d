/**
 * Who decides each field of a subscription (the table in docs/security.md). The purchaser chooses
 * what to buy and what to do with it; the seller's side decides what it costs and when terms run.
 */

/** Decided by the server when it accepts a purchase, and only ever changed by the server. */
export const SERVER_SUBSCRIPTION_FIELDS = ['productName', 'unitPrice', 'currency', 'startedOn', 'renewsOn'] as const;

/** Chosen by the purchaser when buying, fixed from then on: another product or term is another purchase. */
export const FIXED_SUBSCRIPTION_FIELDS = ['id', 'productId', 'term', 'purchaserId'] as const;
