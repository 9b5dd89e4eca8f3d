import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

/**
 * ARIA tabs with automatic activation: ArrowLeft/ArrowRight/Home/End move between tabs, and the
 * selected tab's panel follows. `onSelect` can be a route change.
 */
export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  label: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ComponentChildren;
}) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(e: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.key === selected);
    let next = index;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    onSelect(tabs[next]!.key);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-tab="${tabs[next]!.key}"]`)?.focus());
  }

  return (
    <>
      <div ref={listRef} class="tablist" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            class="tab"
            id={`${id}-tab-${tab.key}`}
            data-tab={tab.key}
            aria-selected={tab.key === selected ? 'true' : 'false'}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} class="tabpanel">
        {children}
      </div>
    </>
  );
}
