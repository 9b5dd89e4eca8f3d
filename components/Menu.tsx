import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/**
 * A menu button ("More actions for Contoso Chat"): Enter/Space/ArrowDown open it on the first item,
 * arrows move, Enter picks, Esc or Tab closes and returns focus to the button.
 */
export function MenuButton({ label, items, children }: { label: string; items: MenuItem[]; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function openAt(index: number) {
    setFocusIndex(index);
    setOpen(true);
  }

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onMenuKey(e: KeyboardEvent) {
    const n = items.length;
    if (e.key === 'ArrowDown') setFocusIndex((i) => (i + 1) % n);
    else if (e.key === 'ArrowUp') setFocusIndex((i) => (i - 1 + n) % n);
    else if (e.key === 'Home') setFocusIndex(0);
    else if (e.key === 'End') setFocusIndex(n - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div class="menu-wrap">
      <button
        ref={buttonRef}
        type="button"
        class="btn btn-ghost btn-icon"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            openAt(0);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            openAt(items.length - 1);
          }
        }}
      >
        {children}
      </button>
      {open ? (
        <ul ref={menuRef} id={`${id}-menu`} class="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <li role="none" key={item.label}>
              <button
                type="button"
                role="menuitem"
                tabIndex={i === focusIndex ? 0 : -1}
                onClick={() => {
                  // Close first so focus can go back to the button before a pane opens and remembers it.
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
