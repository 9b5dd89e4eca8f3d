import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.closest('dialog') === root && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/**
 * When one dialog closes and another opens in the same render (details pane → Edit pane), the new one
 * inherits where focus should finally return instead of the <body>.
 */
let handoff: { target: HTMLElement; cancelled: boolean } | null = null;

export interface DialogProps {
  /** Heading text; also the dialog's accessible name. */
  title: ComponentChildren;
  /** A line under the heading (e.g. the product), read as the dialog's description. */
  description?: ComponentChildren;
  onClose: () => void;
  /** `pane` slides in from the right like a details pane; `dialog` is a centered box. */
  variant?: 'pane' | 'dialog';
  /** Where focus goes when the dialog closes if the element that opened it is gone. */
  returnFocus?: () => HTMLElement | null | undefined;
  /** Hide the × button (confirmation dialogs have their own Cancel). */
  hideClose?: boolean;
  children: ComponentChildren;
}

/**
 * A modal dialog on the native <dialog> element: the page behind it is inert, Tab cycles inside,
 * Esc closes, and focus returns to the element that opened it. Labelled by its heading.
 */
export function Dialog({ title, description, onClose, variant = 'pane', returnFocus, hideClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const returnRef = useRef(returnFocus);
  returnRef.current = returnFocus;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    let opener = document.activeElement as HTMLElement | null;
    if ((!opener || opener === document.body) && handoff && handoff.target.isConnected) {
      opener = handoff.target;
      handoff.cancelled = true;
    }
    handoff = null;
    if (!dialog.open) dialog.showModal();
    // Focus lands on the dialog itself, so its name and description are announced and the first Tab
    // reaches its first field; confirmation dialogs focus their safe button instead.
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = opener && opener.isConnected && opener !== document.body ? opener : returnRef.current?.();
      if (!target) return;
      const pass = { target, cancelled: false };
      handoff = pass;
      // Let the DOM settle (the opener may re-render) before moving focus back.
      requestAnimationFrame(() => {
        if (handoff === pass) handoff = null;
        if (pass.cancelled) return;
        const el = target.isConnected ? target : returnRef.current?.();
        el?.focus();
      });
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    const onNativeClose = () => {
      // Closed by the browser (e.g. a repeated Esc); keep the app's state in step.
      if (dialog.isConnected) onCloseRef.current();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest?.('dialog') !== dialog) return;
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(dialog);
      if (!items.length) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      dialog.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class={`dialog dialog-${variant}`}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      tabIndex={-1}
    >
      <div class="dialog-header">
        <div class="dialog-heading">
          <h2 id={`${id}-title`} class="dialog-title">
            {title}
          </h2>
          {description ? (
            <p id={`${id}-desc`} class="dialog-description">
              {description}
            </p>
          ) : null}
        </div>
      </div>
      <div class="dialog-body">{children}</div>
      {/* Last in tab order, shown top right: the first Tab goes to the dialog's content. */}
      {hideClose ? null : (
        <button
          type="button"
          class="btn btn-ghost btn-icon dialog-close"
          aria-label="Close"
          data-dialog-close
          onClick={() => onClose()}
        >
          <span aria-hidden="true">✕</span>
        </button>
      )}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** "Are you sure?" with the action's own verb on the confirm button; Cancel is focused first. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  onConfirm,
  onCancel,
  returnFocus,
}: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel} variant="dialog" hideClose returnFocus={returnFocus}>
      <div class="confirm-body">{children}</div>
      <div class="dialog-actions">
        <button type="button" class={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="btn btn-secondary" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
