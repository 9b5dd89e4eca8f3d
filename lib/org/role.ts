import * as z from 'zod/mini';

/** A person's role in their organization: purchasers change their own subscriptions, admins see everyone's. */
export const Role = z.enum(['purchaser', 'admin']);
export type Role = z.infer<typeof Role>;
