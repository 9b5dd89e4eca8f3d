import { daysBetween, formatDay, toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import { formatMoney } from '../money';
import type { Subscription } from '../subscriptions/schema';
import { effectiveStatus } from '../subscriptions/status';
import { plural } from '../text/plural';

export interface ReminderSettings {
  enabled: boolean;
  /** Days ahead of a renewal or an expiry a reminder comes, e.g. 14 and 3. */
  daysBefore: readonly number[];
}

export const DEFAULT_REMINDERS: ReminderSettings = { enabled: true, daysBefore: [14, 3] };

export interface Reminder {
  /** One per subscription, event and threshold: shown once, whatever wakes the worker. */
  key: string;
  subscriptionId: string;
  kind: 'renewal' | 'expiry';
  on: IsoDate;
  daysLeft: number;
  title: string;
  message: string;
}

type Remindable = Pick<Subscription, 'id' | 'productName' | 'licenses' | 'status' | 'renewsOn' | 'unitPrice' | 'currency'>;

const inDays = (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

/** The renewal of an active subscription or the end of a canceled one still running, with the days left to it. */
function upcomingEvent(sub: Remindable, today: IsoDate): { kind: Reminder['kind']; daysLeft: number } | undefined {
  const status = effectiveStatus(sub, `${today}T00:00:00.000Z`);
  if (status === 'expired') return undefined;
  const daysLeft = daysBetween(today, sub.renewsOn);
  if (daysLeft < 0) return undefined;
  return { kind: status === 'active' ? 'renewal' : 'expiry', daysLeft };
}

function reminderText(sub: Remindable, kind: Reminder['kind'], daysLeft: number): Pick<Reminder, 'title' | 'message'> {
  const day = formatDay(sub.renewsOn);
  if (kind === 'renewal') {
    return {
      title: `${sub.productName} renews ${inDays(daysLeft)}`,
      message: `${plural(sub.licenses, 'license')} renew on ${day} for ${formatMoney(sub.unitPrice * sub.licenses, sub.currency)} before tax.`,
    };
  }
  return { title: `${sub.productName} ends ${inDays(daysLeft)}`, message: `It was canceled and ends on ${day}. Reactivate it before then to keep it.` };
}

/**
 * The reminders due at `now` that were not shown yet (`shown` holds the keys returned before). When
 * the worker was asleep past several thresholds of one event (a browser closed for two weeks), only
 * the nearest is shown and the others count as shown with it: one notification per event and threshold.
 */
export function dueReminders(subs: readonly Remindable[], now: IsoDateTime, settings: ReminderSettings, shown: ReadonlySet<string>): { due: Reminder[]; shownNow: string[] } {
  if (!settings.enabled) return { due: [], shownNow: [] };
  const today = toIsoDate(now);
  const due: Reminder[] = [];
  const shownNow: string[] = [];
  for (const sub of subs) {
    const event = upcomingEvent(sub, today);
    if (!event) continue;
    const crossed = settings.daysBefore.filter((days) => event.daysLeft <= days).map((days) => `${sub.id}:${event.kind}:${sub.renewsOn}:${days}`);
    const fresh = crossed.filter((key) => !shown.has(key));
    if (!fresh.length) continue;
    shownNow.push(...fresh);
    due.push({ key: fresh.at(-1)!, subscriptionId: sub.id, kind: event.kind, on: sub.renewsOn, daysLeft: event.daysLeft, ...reminderText(sub, event.kind, event.daysLeft) });
  }
  return { due, shownNow };
}

/** Days within which a renewal or an expiry needs attention on the toolbar badge. */
export const ATTENTION_DAYS = 7;

/**
 * What the toolbar badge counts: subscriptions renewing or ending within ATTENTION_DAYS or whose
 * payment failed (each once), plus the server's corrections not dismissed yet.
 */
export function attentionCount(subs: readonly Remindable[], now: IsoDateTime, paymentFailed: ReadonlySet<string>, corrections: number): number {
  const today = toIsoDate(now);
  const subscriptions = subs.filter((sub) => {
    const event = upcomingEvent(sub, today);
    return paymentFailed.has(sub.id) || (event !== undefined && event.daysLeft <= ATTENTION_DAYS);
  });
  return subscriptions.length + corrections;
}
