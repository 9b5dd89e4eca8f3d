import { useMemo, useState } from 'preact/hooks';
import { filterOptions, filterRows, NO_FILTER, type SummaryFilter } from '../lib/admin/summary-filter';
import { summaryRows } from '../lib/admin/summary-rows';
import { DEFAULT_SORT, sortRows, type SummarySort } from '../lib/admin/summary-sort';
import { toIsoDate } from '../lib/dates';
import type { SignInReply } from '../lib/sync/session';
import { ConnectionStatus } from './ConnectionStatus';
import { ExportCsvButton } from './ExportCsvButton';
import { SubscriptionDetails } from './SubscriptionDetails';
import { SummaryFilters } from './SummaryFilters';
import { SummaryTable } from './SummaryTable';
import { useClock } from './use-clock';
import { useSummaryRoom } from './use-summary-room';

interface Props {
  session: SignInReply;
  onSignOut(message?: string): void;
  onTokenRefused(): void;
}

/** The signed-in console: the organization's subscriptions, live and read-only. */
export function Console({ session, onSignOut, onTokenRefused }: Props) {
  const now = useClock();
  const today = toIsoDate(now);
  const { entries, status } = useSummaryRoom(session.orgId, session.accessToken, {
    unauthorized: onTokenRefused,
    ended: (reason) => onSignOut(`The sync server ended this session (${reason}). Sign in again with a new code.`),
  });
  const [filter, setFilter] = useState<SummaryFilter>(NO_FILTER);
  const [sort, setSort] = useState<SummarySort>(DEFAULT_SORT);
  const [openKey, setOpenKey] = useState<string>();

  const rows = useMemo(() => summaryRows(entries, now), [entries, now]);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter, today), sort), [rows, filter, today, sort]);
  // The panel follows its subscription through live updates and disappears with it.
  const open = rows.find((row) => row.key === openKey);

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
      <main class="admin-main">
        <h1>Subscriptions</h1>
        <p class="muted">Every self-service subscription in your organization, as purchasers change them. This view is read-only.</p>
        <SummaryFilters filter={filter} options={options} onChange={setFilter} />
        <div class="admin-toolbar">
          <p class="admin-count" role="status">
            Showing {shown.length} of {rows.length} subscriptions
          </p>
          <ExportCsvButton rows={shown} today={today} />
        </div>
        <div class={open ? 'admin-layout with-details' : 'admin-layout'}>
          <SummaryTable rows={shown} sort={sort} onSort={setSort} openKey={open?.key} onOpen={setOpenKey} loading={status === 'connecting' && rows.length === 0} />
          {open && <SubscriptionDetails row={open} onClose={closeDetails} />}
        </div>
      </main>
    </>
  );
}
