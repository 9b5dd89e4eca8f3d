import type { ComponentChildren } from 'preact';

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
