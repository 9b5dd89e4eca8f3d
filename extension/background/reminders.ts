import { liveQuery } from 'dexie';
import { DEFAULT_REMINDERS, attentionCount, dueReminders, type Reminder, type ReminderSettings } from '../../lib/insights/renewal-reminders';
import type { PaymentNotice } from '../../lib/billing/payment-notice';
import type { ShownNotice } from '../../lib/sync/server-notices';
import type { SeatkeeperDb } from '../store/db';

/** The console page a reminder's notification opens: the subscription's licenses, where it can be changed or reactivated. */
export function reminderPage(notificationId: string): `/options.html${string}` {
  const subscriptionId = notificationId.split(':')[0] ?? '';
  return `/options.html#licenses/${encodeURIComponent(subscriptionId)}`;
}

/** How many shown keys are remembered: far more than reminders can be due at once. */
const MAX_SHOWN = 500;

/** What reminders need of the browser: its notifications and the toolbar badge. */
export interface ReminderPlatform {
  notify(id: string, reminder: Reminder): Promise<void>;
  setBadge(count: number): Promise<void>;
}

/**
 * Renewal and expiry reminders and the toolbar badge, from the projected tables. `check` (the
 * worker's alarm, and each start) shows what is due and was not shown: the keys are stored before
 * the notifications are raised, in one transaction with the read, so a second alarm, a second
 * worker start or a crash never shows one twice. The badge follows the tables live.
 */
export function createReminders({ db, platform, now }: { db: SeatkeeperDb; platform: ReminderPlatform; now: () => string }) {
  let running = Promise.resolve();

  async function check(): Promise<void> {
    const at = now();
    const due = await db.transaction('rw', db.subscriptions, db.meta, async () => {
      const [subs, settings, shown] = await Promise.all([db.subscriptions.toArray(), db.meta.get('reminders'), db.meta.get('remindersShown')]);
      const seen = (shown?.value as string[] | undefined) ?? [];
      const result = dueReminders(subs, at, (settings?.value as ReminderSettings | undefined) ?? DEFAULT_REMINDERS, new Set(seen));
      if (result.shownNow.length) await db.meta.put({ key: 'remindersShown', value: [...seen, ...result.shownNow].slice(-MAX_SHOWN) });
      return result.due;
    });
    // A unique id per showing: a reminder shown twice would stand twice in the notification center.
    for (const reminder of due) await platform.notify(`${reminder.key}@${at}`, reminder);
    // The day may have turned since the tables last changed.
    await platform.setBadge(await badgeCount());
  }

  async function badgeCount(): Promise<number> {
    const [subs, payments, notices] = await Promise.all([db.subscriptions.toArray(), db.meta.get('payments'), db.meta.get('notices')]);
    const failed = Object.entries((payments?.value as Record<string, PaymentNotice> | undefined) ?? {}).filter(([, notice]) => notice.state !== 'awaiting').map(([id]) => id);
    return attentionCount(subs, now(), new Set(failed), ((notices?.value as ShownNotice[] | undefined) ?? []).length);
  }

  return {
    /** Serialized: an alarm during a start's check waits for it. */
    check(): Promise<void> {
      running = running.then(check, check);
      return running;
    },
    /** Keeps the badge on the count of what needs attention; returns the function that stops it. */
    followBadge(): () => void {
      const subscription = liveQuery(badgeCount).subscribe({ next: (count) => void platform.setBadge(count), error: (error: unknown) => console.error('The badge count failed:', error) });
      return () => subscription.unsubscribe();
    },
  };
}
