import { CANCEL_REASON_LABELS, type Subscription } from '../subscriptions/schema';
import { plural } from '../text/plural';
import type { ActivityEntry } from './activity-entry';

/** What the log says about the people and cards a change names, read from the directory and the purchaser's room. */
export interface ActivityNames {
  person(personId: string): string;
  card(paymentMethodId: string): string;
}

/** The entry's fields every line of one change shares. */
export type ActivityWriter = Pick<ActivityEntry, 'at' | 'purchaserId' | 'purchaserName' | 'device'>;

type Line = Pick<ActivityEntry, 'field' | 'before' | 'after'>;

const termWord = (sub: Subscription) => (sub.term === 'annual' ? 'annual' : 'monthly');

function statusText(sub: Subscription): string {
  if (sub.status !== 'canceled') return sub.status === 'active' ? 'Active' : 'Expired';
  return sub.cancellation ? `Canceled (${CANCEL_REASON_LABELS[sub.cancellation.reason]})` : 'Canceled';
}

/** The lines of one subscription's change, in a fixed order: the subscription, licenses, status, card, then each assignment. */
function lines(before: Subscription | undefined, after: Subscription | undefined, names: ActivityNames): Line[] {
  if (!before && !after) return [];
  if (!before) return [{ field: 'subscription', before: '', after: `Bought ${plural(after!.licenses, 'license')}, ${termWord(after!)}` }, ...assignments({}, after!.assigned, names)];
  if (!after) return [{ field: 'subscription', before: `${plural(before.licenses, 'license')}, ${termWord(before)}`, after: 'Purchase undone' }];
  const out: Line[] = [];
  if (before.licenses !== after.licenses) out.push({ field: 'licenses', before: String(before.licenses), after: String(after.licenses) });
  if (statusText(before) !== statusText(after)) out.push({ field: 'status', before: statusText(before), after: statusText(after) });
  // What the purchaser wrote when canceling, word for word: the admin reads why, and exports it.
  if (after.cancellation?.feedback && after.cancellation.feedback !== before.cancellation?.feedback) out.push({ field: 'feedback', before: before.cancellation?.feedback ?? '', after: after.cancellation.feedback });
  if (before.paymentMethodId !== after.paymentMethodId) out.push({ field: 'paymentMethod', before: names.card(before.paymentMethodId), after: names.card(after.paymentMethodId) });
  return [...out, ...assignments(before.assigned, after.assigned, names)];
}

function assignments(before: Record<string, string>, after: Record<string, string>, names: ActivityNames): Line[] {
  const added = Object.keys(after).filter((id) => !(id in before)).sort();
  const removed = Object.keys(before).filter((id) => !(id in after)).sort();
  return [
    ...added.map((id): Line => ({ field: 'assigned', before: '', after: names.person(id) })),
    ...removed.map((id): Line => ({ field: 'assigned', before: names.person(id), after: '' })),
  ];
}

/**
 * The activity lines of one subscription's accepted change. `after` is the subscription as stored,
 * corrections included, so the log never shows what the server did not keep; the corrections'
 * own notices become lines of their own (`correctionActivity`).
 */
export function subscriptionActivity(before: Subscription | undefined, after: Subscription | undefined, writer: ActivityWriter, names: ActivityNames): ActivityEntry[] {
  const sub = (after ?? before)!;
  if (!sub) return [];
  return lines(before, after, names).map((line) => ({ ...writer, subscriptionId: sub.id, productId: sub.productId, productName: sub.productName, ...line, by: 'purchaser' }));
}

/** A server correction of a subscription, as the purchaser was told it. */
export function correctionActivity(sub: Pick<Subscription, 'id' | 'productId' | 'productName'>, message: string, writer: ActivityWriter): ActivityEntry {
  return { ...writer, device: 'server', subscriptionId: sub.id, productId: sub.productId, productName: sub.productName, field: 'correction', before: '', after: message, by: 'server' };
}
