import { useEffect, useState } from 'preact/hooks';
import { isUnread } from '../lib/admin/notification-rows';
import type { LiveStatus } from './use-live-room';
import type { Notifications } from './use-notifications';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const DESKTOP_HINTS: Record<Notifications['desktop'], string> = {
  off: 'Off. Turn it on to be told by your computer of each purchase while this page is open.',
  on: 'On. Each new purchase, license change or cancellation also appears on your desktop while this page is open.',
  blocked: 'Your browser blocks notifications from this page. Allow them in the site settings, then turn this on.',
  unsupported: 'This browser cannot show desktop notifications.',
};

interface Props {
  notifications: Notifications;
  status: LiveStatus;
  /** Whether the panel is the view shown: opening it marks everything read. */
  open: boolean;
}

/**
 * Purchases, license changes and cancellations across the organization, newest first. Opening the
 * panel reads them: the count clears, and what was new keeps its "New" mark until the admin leaves.
 */
export function NotificationsPanel({ notifications, status, open }: Props) {
  const { rows, unread, lastReadAt, markAllRead, desktop, setDesktop } = notifications;
  // What had been read before this visit: the rows after it are marked new while the panel is open.
  const [newAfter, setNewAfter] = useState(lastReadAt);
  const [asking, setAsking] = useState(false);
  // Opened before the room synced (a reload on this view): what it read is what arrives with the sync.
  const synced = status !== 'connecting';
  useEffect(() => {
    if (!open || !synced) return;
    setNewAfter(lastReadAt);
    markAllRead();
    // Only on opening: notifications arriving while it is open stay unread until marked read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, synced]);

  function readAll() {
    setNewAfter(lastReadAt);
    markAllRead();
  }

  async function toggleDesktop(on: boolean) {
    setAsking(true);
    await setDesktop(on);
    setAsking(false);
  }

  return (
    <>
      <h1>Notifications</h1>
      <p class="muted">Every accepted purchase, license change and cancellation in your organization, as it happens.</p>
      <div class="admin-toolbar">
        <p class="admin-count" role="status">
          {status === 'connecting' && rows.length === 0 ? 'Loading notifications…' : unread === 1 ? '1 unread' : `${unread} unread`}
        </p>
        <button type="button" class="btn btn-small" disabled={unread === 0} onClick={readAll}>
          Mark all read
        </button>
      </div>
      <div class="field notify-toggle">
        <label>
          <input
            type="checkbox"
            checked={desktop === 'on'}
            disabled={desktop === 'unsupported' || asking}
            aria-describedby="desktop-hint"
            onChange={(e) => void toggleDesktop(e.currentTarget.checked)}
          />{' '}
          Desktop notifications
        </label>
        <p id="desktop-hint" class="muted">
          {DESKTOP_HINTS[desktop]}
        </p>
      </div>
      {rows.length === 0 ? (
        status === 'connecting' ? null : <p>Nothing yet. Purchases appear here as purchasers make them.</p>
      ) : (
        <ul class="inbox-list" aria-label="Purchase notifications">
          {rows.map((row) => {
            const fresh = isUnread(row, newAfter) || isUnread(row, lastReadAt);
            return (
              <li key={row.key} class={fresh ? 'inbox-item is-new' : 'inbox-item'}>
                <div class="inbox-head">
                  <p class="notification-message">{row.message}</p>
                  {fresh ? <span class="badge badge-warn">New</span> : null}
                </div>
                <p class="inbox-meta">
                  <time dateTime={row.at}>{dateTime.format(new Date(row.at))}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
