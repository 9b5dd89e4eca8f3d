import type { Product } from '../org/schemas';
import type { Subscription } from '../subscriptions/schema';
import { assignedCount } from '../subscriptions/status';
import { assignedCoverRefusal, licenseLimitRefusal } from '../rules/license-limits';
import { plural } from '../text/plural';

// Zod-free, so the popup's licenses pane runs the same check as the command without loading zod.

export const WHOLE_LICENSES = 'Enter a whole number of licenses';
export const KEEP_A_LICENSE = 'Keep at least 1 license, or cancel the subscription';

/**
 * Why `total` cannot be the new number of licenses of `sub`, or undefined when it can: the
 * setLicenses command and the licenses pane (as the person types) both ask this.
 */
export function licenseTotalRefusal(
  sub: Pick<Subscription, 'licenses' | 'assigned'>,
  total: number,
  product: Product | undefined,
): string | undefined {
  if (!Number.isInteger(total)) return WHOLE_LICENSES;
  if (total < 1) return KEEP_A_LICENSE;
  if (total === sub.licenses) return `You already have ${plural(total, 'license')}. Enter a different total.`;
  return (product && licenseLimitRefusal(product, total)) ?? assignedCoverRefusal(total, assignedCount(sub));
}
