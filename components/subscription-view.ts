import type { Subscription } from '../lib/subscriptions/schema';
import { assignedCount, effectiveStatus, type EffectiveStatus } from '../lib/subscriptions/status';
import type { BadgeTone } from './Badge';
import { formatDate, TERM_LABELS } from './format';

export const STATUS_LABELS: Record<EffectiveStatus, string> = {
  active: 'Active',
  canceled: 'Canceled',
  expired: 'Expired',
};
export const STATUS_TONES: Record<EffectiveStatus, BadgeTone> = { active: 'good', canceled: 'warn', expired: 'neutral' };

/** An admin summary row's status: "Payment failed" rather than "Active" while its last charge is unpaid. */
export function summaryStatus(row: { effective: EffectiveStatus; paymentFailed?: boolean }): { label: string; tone: BadgeTone } {
  if (row.effective === 'active' && row.paymentFailed) return { label: 'Payment failed', tone: 'bad' };
  return { label: STATUS_LABELS[row.effective], tone: STATUS_TONES[row.effective] };
}

export function statusOf(sub: Subscription, now = new Date().toISOString()): EffectiveStatus {
  return effectiveStatus(sub, now);
}

/** "Renews on Jan 5, 2026" when active, "Expires on …" when canceled, "Expired on …" after that. */
export function renewalText(sub: Subscription, status: EffectiveStatus): string {
  const day = formatDate(sub.renewsOn);
  if (status === 'active') return `Renews on ${day}`;
  if (status === 'canceled') return `Expires on ${day}`;
  return `Expired on ${day}`;
}

/**
 * "Annual · since Mar 3, 2026": what tells two subscriptions of one product apart. Shown with
 * every listed subscription (popup cards, the console's tables, the panes' descriptions).
 */
export function termSince(sub: Pick<Subscription, 'term' | 'startedOn'>): string {
  return `${TERM_LABELS[sub.term]} · since ${formatDate(sub.startedOn)}`;
}

/** "Contoso Chat · Annual · since Mar 3, 2026". */
export function subscriptionTitle(sub: Pick<Subscription, 'productName' | 'term' | 'startedOn'>): string {
  return `${sub.productName} · ${termSince(sub)}`;
}

/** "3/10" with its spoken form. */
export function licenseCounts(sub: Subscription): { assigned: number; total: number } {
  return { assigned: assignedCount(sub), total: sub.licenses };
}

export type SortKey = 'name' | 'renewal' | 'licenses';
export const SORT_LABELS: Record<SortKey, string> = { name: 'Name', renewal: 'Renewal date', licenses: 'Licenses' };

/**
 * By name in IndexedDB's order (UTF-16 code units, then id), not the locale's: the popup's first
 * screen comes straight from the productName index, and a search or a tie must not reorder it.
 */
function byName(a: Subscription, b: Subscription): number {
  if (a.productName !== b.productName) return a.productName < b.productName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortSubscriptions(subs: readonly Subscription[], key: SortKey): Subscription[] {
  const copy = [...subs];
  if (key === 'name') return copy.sort(byName);
  if (key === 'renewal') return copy.sort((a, b) => a.renewsOn.localeCompare(b.renewsOn) || byName(a, b));
  return copy.sort((a, b) => b.licenses - a.licenses || byName(a, b));
}

export function matchesSearch(sub: Subscription, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || sub.productName.toLowerCase().includes(q);
}
