import type { ComponentChildren } from 'preact';

export type BadgeTone = 'good' | 'warn' | 'bad' | 'neutral';

export function Badge({ tone, children }: { tone: BadgeTone; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}
