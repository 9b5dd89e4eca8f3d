import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { ActivityEntry } from '../../lib/activity/activity-entry';
import { purchaseNotification } from '../../lib/activity/purchase-notification';
import { correctionActivity, subscriptionActivity, type ActivityNames } from '../../lib/activity/subscription-activity';
import { BRAND_LABELS } from '../../lib/billing/card';
import { PaymentMethod } from '../../lib/billing/schemas';
import { readEntity } from '../../lib/doc/read';
import { addNotifications } from '../../lib/room/summary';
import { Subscription } from '../../lib/subscriptions/schema';
import type { ActivityLog } from '../activity-log';
import type { Extension } from '../extension';
import type { Rooms } from '../rooms';
import type { LogOp } from '../storage';

const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface ActivityDeps {
  rooms: Rooms;
  log: ActivityLog;
  now: () => number;
  /** How long lines are kept. */
  retentionDays: number;
}

/**
 * The organization's activity log: every accepted change of a purchaser's subscriptions, field by
 * field, and every correction the server made of it, stored in the same transaction as the update
 * (so the log holds exactly what was stored), and forgotten after `retentionDays`. Purchases,
 * license changes and cancellations are also notifications in the summary room, which admins'
 * consoles receive live; they join the same group commit.
 */
export function activity({ rooms, log, now, retentionDays }: ActivityDeps): Extension {
  let pruner: NodeJS.Timeout | undefined;
  const prune = () => log.forgetBefore(new Date(now() - retentionDays * DAY_MS).toISOString());
  return {
    name: 'activity',
    onAccept({ room, before, after, notices, now: at, device }): LogOp[] {
      if (room.ref.kind !== 'purchaser') return [];
      const { orgId, personId } = room.ref;
      const names = activityNames(rooms.open({ kind: 'org', orgId }).doc, room.doc);
      const writer = { at: new Date(at).toISOString(), purchaserId: personId, purchaserName: names.person(personId), device };
      const subscription = (entries: Record<string, unknown> | undefined, id: string) => {
        const parsed = entries?.[id] === undefined ? undefined : Subscription.safeParse(entries[id]);
        return parsed?.success ? parsed.data : undefined;
      };
      const ids = new Set([...Object.keys(before.subscriptions ?? {}), ...Object.keys(after.subscriptions ?? {})]);
      const entries: ActivityEntry[] = [...ids].flatMap((id) => subscriptionActivity(subscription(before.subscriptions, id), subscription(after.subscriptions, id), writer, names));
      const notifications = [...ids].flatMap((id) => {
        const notification = purchaseNotification(subscription(before.subscriptions, id), subscription(after.subscriptions, id), writer.purchaserName, writer.at);
        return notification ? [{ key: randomUUID(), notification }] : [];
      });
      if (notifications.length) rooms.write(rooms.open({ kind: 'summary', orgId }), (doc) => addNotifications(doc, notifications));
      for (const notice of notices) {
        const sub = notice.subscriptionId && (subscription(after.subscriptions, notice.subscriptionId) ?? subscription(before.subscriptions, notice.subscriptionId));
        if (sub) entries.push(correctionActivity(sub, notice.message, writer));
      }
      return entries.map((entry) => ({ op: 'activity', orgId, entry }));
    },
    onListen() {
      prune();
      pruner = setInterval(prune, PRUNE_EVERY_MS);
      pruner.unref();
    },
    onDestroy() {
      clearInterval(pruner);
    },
  };
}

/** People by their directory name (an id when they left), cards by brand and last four. */
function activityNames(org: Y.Doc, purchaser: Y.Doc): ActivityNames {
  return {
    person(personId) {
      const person = org.getMap<unknown>('directory').get(personId);
      const name = person instanceof Y.Map ? person.get('displayName') : undefined;
      return typeof name === 'string' ? name : personId;
    },
    card(paymentMethodId) {
      const card = PaymentMethod.safeParse(readEntity(purchaser, 'paymentMethods', paymentMethodId));
      return card.success ? `${BRAND_LABELS[card.data.brand]} ending ${card.data.last4}` : 'a removed card';
    },
  };
}
