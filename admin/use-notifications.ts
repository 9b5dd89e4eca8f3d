import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { notificationRows, readUpTo, unreadCount, type NotificationRow } from '../lib/admin/notification-rows';
import type { LiveStatus } from './use-live-room';

export type DesktopState = 'off' | 'on' | 'blocked' | 'unsupported';

export interface Notifications {
  rows: NotificationRow[];
  unread: number;
  /** What the admin had read when the list was last marked read: the rows after it show as new. */
  lastReadAt: string | undefined;
  markAllRead(): void;
  desktop: DesktopState;
  /** Turns desktop notifications on (asking the browser's permission) or off. */
  setDesktop(on: boolean): Promise<void>;
}

/** Read state is per admin and per browser: the time of the newest notification read, and whether desktop notifications are on. */
const storageKey = (orgId: string, personId: string, what: 'read' | 'desktop') => `seatkeeper-admin-notifications/${orgId}/${personId}/${what}`;

function stored(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function store(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): read state lasts for this page only.
  }
}

const supported = () => typeof Notification !== 'undefined';

function initialDesktop(key: string): DesktopState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return stored(key) === 'on' && Notification.permission === 'granted' ? 'on' : 'off';
}

/**
 * The summary room's purchase notifications with the admin's unread count, kept across reloads,
 * so an admin who was away finds what happened meanwhile as unread. With desktop notifications on,
 * each notification that arrives while the console is open is also shown by the browser; those
 * that were there when it connected are not, the unread count tells of them.
 */
export function useNotifications(orgId: string, personId: string, entries: Record<string, unknown>, status: LiveStatus): Notifications {
  const readKey = storageKey(orgId, personId, 'read');
  const desktopKey = storageKey(orgId, personId, 'desktop');
  const rows = useMemo(() => notificationRows(entries), [entries]);
  const [lastReadAt, setLastReadAt] = useState(() => stored(readKey));
  const [desktop, setDesktopState] = useState(() => initialDesktop(desktopKey));

  const markAllRead = useCallback(() => {
    setLastReadAt((current) => {
      const next = readUpTo(rows, current);
      store(readKey, next);
      return next;
    });
  }, [rows, readKey]);

  const setDesktop = useCallback(
    async (on: boolean) => {
      if (!supported()) return;
      const permission = on && Notification.permission !== 'granted' ? await Notification.requestPermission() : Notification.permission;
      const next: DesktopState = !on ? 'off' : permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off';
      store(desktopKey, next === 'on' ? 'on' : undefined);
      setDesktopState(next);
    },
    [desktopKey],
  );

  // Keys known once the room first synced: only notifications after those are "arriving live".
  const seen = useRef<Set<string> | undefined>(undefined);
  useEffect(() => {
    if (!seen.current) {
      if (status === 'live') seen.current = new Set(rows.map((row) => row.key));
      return;
    }
    const fresh = rows.filter((row) => !seen.current!.has(row.key));
    for (const row of fresh) seen.current.add(row.key);
    if (desktop !== 'on') return;
    // Oldest first, so they stack in the order they happened.
    for (const row of fresh.reverse()) new Notification('Seatkeeper', { body: row.message, tag: row.key });
  }, [rows, status, desktop]);

  return { rows, unread: unreadCount(rows, lastReadAt), lastReadAt, markAllRead, desktop, setDesktop };
}
