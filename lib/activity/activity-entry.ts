import * as z from 'zod/mini';
import { Id } from '../org/schemas';
import { IsoDateTime } from '../schemas/dates';

/**
 * One line of the organization's activity log: a field of a purchaser's subscription, as it was and
 * as it became, when, from which device, and whether the purchaser or the server (a correction) did
 * it. Derived by the server from accepted updates; values are the words the console shows.
 */
export const ActivityEntry = z.object({
  at: IsoDateTime,
  purchaserId: Id,
  purchaserName: z.string(),
  subscriptionId: Id,
  productId: Id,
  productName: z.string(),
  /** What changed: the subscription itself (bought, purchase undone), licenses, an assignment, status, the purchaser's cancel feedback, payment method, or a server correction. */
  field: z.enum(['subscription', 'licenses', 'assigned', 'status', 'feedback', 'paymentMethod', 'correction']),
  before: z.string(),
  after: z.string(),
  by: z.enum(['purchaser', 'server']),
  /** The writer's device as its browser names itself ("Chrome 156 on Linux"); "server" for corrections. */
  device: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ACTIVITY_FIELD_LABELS: Record<ActivityEntry['field'], string> = {
  subscription: 'Subscription',
  licenses: 'Licenses',
  assigned: 'Assigned to',
  status: 'Status',
  feedback: 'Cancel feedback',
  paymentMethod: 'Payment method',
  correction: 'Server correction',
};
