import type { ComponentChildren } from 'preact';
import type { Currency } from '../lib/money';
import type { SyncMeta } from '../lib/sync/status';
import { syncLine } from '../lib/sync/status-text';
import { formatMoney } from '../lib/money';
import { db } from '../extension/ui/db';
import { useLiveQuery } from '../extension/ui/use-live-query';

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

/**
 * One line saying where the purchaser's data lives and whether the server has it all, from the
 * background's meta 'sync' row. `detail` adds the reason (a refused change, a stopped sync) where
 * there is room for it.
 */
export function SyncStatus({ detail = false }: { detail?: boolean }) {
  const { data } = useLiveQuery(() => db.meta.get('sync'), []);
  const line = syncLine(data?.value as SyncMeta | undefined);
  return (
    <>
      <p class="sync-status" role="status" data-tone={line.tone}>
        <span class="sync-dot" aria-hidden="true" />
        {line.text}
      </p>
      {detail && line.detail ? <p class="field-hint">{line.detail}</p> : null}
    </>
  );
}

export type BadgeTone = 'good' | 'warn' | 'bad' | 'neutral';

export function Badge({ tone, children }: { tone: BadgeTone; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}
