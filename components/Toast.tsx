import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Response } from '../lib/messaging/requests';

interface ToastState {
  id: number;
  message: string;
  canUndo: boolean;
  tone: 'success' | 'error';
}

interface ToastApi {
  show: (message: string, options?: { canUndo?: boolean; tone?: 'success' | 'error' }) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

const VISIBLE_MS = 10_000;

/**
 * Confirmation messages in a polite live region, with "Undo" when the last command can be reverted.
 * A toast stays while the pointer or focus is on it, and has its own Dismiss button. `undo` is how the
 * page reverts the last command (the extension asks its background).
 */
export function ToastProvider({ children, undo: undoLast }: { children: ComponentChildren; undo: () => Promise<Response> }) {
  const [toast, setToast] = useState<ToastState | null>(null);
  const [hold, setHold] = useState(false);
  const nextId = useRef(1);

  const api = useRef<ToastApi>({
    show: (message, options) =>
      setToast({ id: nextId.current++, message, canUndo: !!options?.canUndo, tone: options?.tone ?? 'success' }),
  }).current;

  useEffect(() => {
    if (!toast || hold) return;
    const timer = setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, hold]);

  async function undo() {
    const result = await undoLast();
    setHold(false);
    if (result.ok) api.show(result.message || 'Undone', { canUndo: false });
    else api.show(Object.values(result.errors)[0] ?? 'Nothing to undo', { tone: 'error' });
  }

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        class="toast-region"
        role="status"
        aria-live="polite"
        onMouseEnter={() => setHold(true)}
        onMouseLeave={() => setHold(false)}
        onFocusIn={() => setHold(true)}
        onFocusOut={() => setHold(false)}
      >
        {toast ? (
          <div class={`toast toast-${toast.tone}`} key={toast.id}>
            <p class="toast-message">{toast.message}</p>
            <div class="toast-actions">
              {toast.canUndo ? (
                <button type="button" class="btn btn-small btn-inverse" onClick={undo}>
                  Undo
                </button>
              ) : null}
              <button
                type="button"
                class="btn btn-small btn-ghost-inverse"
                aria-label="Dismiss"
                onClick={() => {
                  setHold(false);
                  setToast(null);
                }}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}
