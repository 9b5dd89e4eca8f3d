import { toIsoDate, type IsoDateTime } from '../dates';
import type { Subscription } from './schema';

export type EffectiveStatus = 'active' | 'canceled' | 'expired';

/**
 * What the purchaser can do with a subscription today. A canceled subscription stays usable up to
 * (not including) `renewsOn`, its expiry date; from that day on it counts as expired even before
 * anything has rewritten its stored status.
 */
export function effectiveStatus(sub: Pick<Subscription, 'status' | 'renewsOn'>, now: IsoDateTime): EffectiveStatus {
  if (sub.status === 'canceled' && sub.renewsOn <= toIsoDate(now)) return 'expired';
  return sub.status;
}

export function assignedCount(sub: Pick<Subscription, 'assigned'>): number {
  return Object.keys(sub.assigned).length;
}

/** Never negative: concurrent assignments from two devices can briefly exceed the license count. */
export function freeLicenses(sub: Pick<Subscription, 'licenses' | 'assigned'>): number {
  return Math.max(0, sub.licenses - assignedCount(sub));
}
