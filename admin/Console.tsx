import { useMemo, useState } from 'preact/hooks';
import { filterOptions, filterRows, NO_FILTER, type SummaryFilter } from '../lib/admin/summary-filter';
import { summaryRows } from '../lib/admin/summary-rows';
import { DEFAULT_SORT, sortRows, type SummarySort } from '../lib/admin/summary-sort';
import { toIsoDate } from '../lib/dates';
import type { SignInReply } from '../lib/sync/session';
import { ActivityView } from './ActivityView';
import { ConnectionStatus } from './ConnectionStatus';
import { DirectoryView } from './DirectoryView';
import { ExportCsvButton } from './ExportCsvButton';
import { NotificationsPanel } from './NotificationsPanel';
import { SelfServicePolicies } from './SelfServicePolicies';
import { ExportUsersButton } from './ExportUsersButton';
import { SubscriptionDetails } from './SubscriptionDetails';
import { SummaryFilters } from './SummaryFilters';
import { SummaryTable } from './SummaryTable';
import { SupportInbox } from './SupportInbox';
import { useCatalog } from './use-catalog';
import { InsightsView } from './InsightsView';
import { WasteSummary } from './WasteSummary';
import { useClock } from './use-clock';
import { useNotifications } from './use-notifications';
import { useSummaryRoom } from './use-summary-room';
import { useSupportInbox } from './use-support-inbox';

interface Props {
  session: SignInReply;
  onSignOut(message?: string): void;
  onTokenRefused(): void;
}

type View = 'subscriptions' | 'support' | 'self-service' | 'notifications' | 'activity' | 'directory' | 'insights';
/** The views other than the subscriptions table, each at its own hash so a reload keeps it. */
const HASHED_VIEWS: readonly View[] = ['support', 'self-service', 'notifications', 'activity', 'directory', 'insights'];
const viewOfHash = (): View => HASHED_VIEWS.find((view) => location.hash === `#${view}`) ?? 'subscriptions';

/**
 * The signed-in console: the organization's subscriptions, live and read-only (ticked ones export
 * their licensed users), its support inbox, where requests are marked handled, the activity log
 * and the directory. Both rooms stay connected, so the inbox's count of new
 * requests is current on either view.
 */
export function Console({ session, onSignOut, onTokenRefused }: Props) {
  const now = useClock();
  const today = toIsoDate(now);
  const roomEvents = {
    unauthorized: onTokenRefused,
    ended: (reason: string) => onSignOut(`The sync server ended this session (${reason}). Sign in again with a new code.`),
  };
  const { entries, notifications: notificationEntries, status } = useSummaryRoom(session.orgId, session.accessToken, roomEvents);
  const inbox = useSupportInbox(session.orgId, session.accessToken, roomEvents);
  const catalog = useCatalog(session.orgId, session.accessToken, roomEvents);
  const notifications = useNotifications(session.orgId, session.personId, notificationEntries, status);
  const [view, setView] = useState<View>(viewOfHash);
  // Insights connects to every purchaser's billing room: only once it has been opened.
  const [insightsOpened, setInsightsOpened] = useState(view === 'insights');
  const show = (next: View) => {
    setView(next);
    if (next === 'insights') setInsightsOpened(true);
    history.replaceState(null, '', next === 'subscriptions' ? location.pathname : `#${next}`);
  };
  const [filter, setFilter] = useState<SummaryFilter>(NO_FILTER);
  const [sort, setSort] = useState<SummarySort>(DEFAULT_SORT);
  const [openKey, setOpenKey] = useState<string>();
  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(new Set());
  const select = (keys: readonly string[], checked: boolean) =>
    setSelectedKeys((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (checked) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  const rows = useMemo(() => summaryRows(entries, now), [entries, now]);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter, today), sort), [rows, filter, today, sort]);
  // The panel follows its subscription through live updates and disappears with it.
  const open = rows.find((row) => row.key === openKey);
  // A ticked subscription that is gone from the summary is gone from the selection.
  const selected = useMemo(() => rows.filter((row) => selectedKeys.has(row.key)), [rows, selectedKeys]);

  const closeDetails = () => {
    const key = openKey;
    setOpenKey(undefined);
    if (key) document.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(key)}"]`)?.focus();
  };

  return (
    <>
      <header class="admin-header">
        <p class="admin-brand">Seatkeeper admin</p>
        <ConnectionStatus status={status} />
        <p class="admin-who">
          Signed in as <strong>{session.name}</strong>
        </p>
        <button type="button" class="btn btn-small" onClick={() => onSignOut()}>
          Sign out
        </button>
      </header>
      <nav class="admin-views" aria-label="Console">
        <button type="button" class="admin-view" aria-current={view === 'subscriptions' ? 'page' : undefined} onClick={() => show('subscriptions')}>
          Subscriptions
        </button>
        <button type="button" class="admin-view" aria-current={view === 'support' ? 'page' : undefined} aria-describedby="inbox-new" onClick={() => show('support')}>
          Support inbox
          {inbox.newCount > 0 ? (
            <span class="count-badge" aria-hidden="true">
              {inbox.newCount}
            </span>
          ) : null}
        </button>
        <button type="button" class="admin-view" aria-current={view === 'activity' ? 'page' : undefined} onClick={() => show('activity')}>
          Activity
        </button>
        <button type="button" class="admin-view" aria-current={view === 'directory' ? 'page' : undefined} onClick={() => show('directory')}>
          Directory
        </button>
        <button type="button" class="admin-view" aria-current={view === 'insights' ? 'page' : undefined} onClick={() => show('insights')}>
          Insights
        </button>
        <span id="inbox-new" class="visually-hidden" role="status">
          {inbox.newCount === 1 ? '1 new support request' : `${inbox.newCount} new support requests`}
        </span>
        <button type="button" class="admin-view" aria-current={view === 'self-service' ? 'page' : undefined} onClick={() => show('self-service')}>
          Self-service
        </button>
        <button type="button" class="admin-view" aria-current={view === 'notifications' ? 'page' : undefined} aria-describedby="notifications-unread" onClick={() => show('notifications')}>
          Notifications
          {notifications.unread > 0 ? (
            <span class="count-badge" aria-hidden="true">
              {notifications.unread}
            </span>
          ) : null}
        </button>
        <span id="notifications-unread" class="visually-hidden" role="status">
          {notifications.unread === 1 ? '1 unread notification' : `${notifications.unread} unread notifications`}
        </span>
      </nav>
      <main class="admin-main" hidden={view !== 'self-service'}>
        <SelfServicePolicies rows={catalog.rows} status={catalog.status} accessToken={session.accessToken} onTokenRefused={onTokenRefused} />
      </main>
      <main class="admin-main" hidden={view !== 'notifications'}>
        <NotificationsPanel notifications={notifications} status={status} open={view === 'notifications'} />
      </main>
      {/* Both views stay mounted, one hidden: the table keeps its filters, sort and open row across a visit to the inbox. */}
      <main class="admin-main" hidden={view !== 'support'}>
        <SupportInbox rows={inbox.rows} newCount={inbox.newCount} status={inbox.status} accessToken={session.accessToken} onTokenRefused={onTokenRefused} />
      </main>
      <main class="admin-main" hidden={view !== 'activity'}>
        <ActivityView accessToken={session.accessToken} active={view === 'activity' && status === 'live'} changed={entries} options={options} today={today} onTokenRefused={onTokenRefused} />
      </main>
      <main class="admin-main" hidden={view !== 'directory'}>
        <DirectoryView accessToken={session.accessToken} active={view === 'directory' && status === 'live'} onTokenRefused={onTokenRefused} />
      </main>
      {insightsOpened ? (
        <main class="admin-main" hidden={view !== 'insights'}>
          <InsightsView orgId={session.orgId} accessToken={session.accessToken} events={roomEvents} rows={rows} now={now} />
        </main>
      ) : null}
      <main class="admin-main" hidden={view !== 'subscriptions'}>
        <h1>Subscriptions</h1>
        <p class="muted">Every self-service subscription in your organization, as purchasers change them. This view is read-only.</p>
        <WasteSummary rows={rows} />
        <SummaryFilters filter={filter} options={options} onChange={setFilter} />
        <div class="admin-toolbar">
          <p class="admin-count" role="status">
            Showing {shown.length} of {rows.length} subscriptions{selected.length > 0 ? `, ${selected.length} ticked for Export users` : ''}
          </p>
          <div class="admin-actions">
            <ExportUsersButton orgId={session.orgId} accessToken={session.accessToken} selected={selected} today={today} />
            <ExportCsvButton rows={shown} today={today} />
          </div>
        </div>
        <div class={open ? 'admin-layout with-details' : 'admin-layout'}>
          <SummaryTable rows={shown} sort={sort} onSort={setSort} openKey={open?.key} onOpen={setOpenKey} loading={status === 'connecting' && rows.length === 0} selected={selectedKeys} onSelect={select} />
          {open && <SubscriptionDetails row={open} onClose={closeDetails} />}
        </div>
      </main>
    </>
  );
}
