import type { ComponentChildren } from 'preact';
import type { Currency } from '../../../lib/money';
import { formatMoney } from '../../../lib/money';
import { db } from '../db';
import { useLiveQuery } from '../use-live-query';

export function MoneyText({ amount, currency, suffix }: { amount: number; currency: Currency; suffix?: string }) {
  return (
    <span class="money">
      {formatMoney(amount, currency)}
      {suffix ? <span class="money-suffix"> {suffix}</span> : null}
    </span>
  );
}

export function EmptyState({
  title,
  children,
  headingLevel = 2,
}: {
  title: string;
  children?: ComponentChildren;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="empty-state">
      <H class="empty-title">{title}</H>
      {children}
    </div>
  );
}

const SYNC_TEXT: Record<string, string> = {
  local: 'Local only — changes are saved on this device',
};

/** One line saying where the purchaser's data lives. Only "Local only" exists until sync ships. */
export function SyncStatus() {
  const { data } = useLiveQuery(() => db.meta.get('sync'), []);
  const state = (data?.value as { state?: string } | undefined)?.state ?? 'local';
  return (
    <p class="sync-status" role="status">
      <span class="sync-dot" aria-hidden="true" />
      {SYNC_TEXT[state] ?? 'Local only'}
    </p>
  );
}

export type BadgeTone = 'good' | 'warn' | 'bad' | 'neutral';

export function Badge({ tone, children }: { tone: BadgeTone; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}
