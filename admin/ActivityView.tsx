import { useMemo, useState } from 'preact/hooks';
import { activityCsv } from '../lib/admin/activity-csv';
import { ActivityAnswer, activityPath, activityRows, NO_ACTIVITY_FILTER, type ActivityFilter } from '../lib/admin/activity-rows';
import type { FilterOption } from '../lib/admin/summary-filter';
import type { IsoDate } from '../lib/dates';
import { downloadText } from './download';
import { Choice } from './SummaryFilters';
import { PlainTable } from './PlainTable';
import { useAdminGet } from './use-admin-get';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

interface Props {
  accessToken: string;
  /** Whether the view is shown and the server reachable (the summary room is live): the log is read only then, and again when it comes back. */
  active: boolean;
  /** The summary room's entries: when they change, the server has stored something new, so the log is read again. */
  changed: unknown;
  options: { products: FilterOption[]; purchasers: FilterOption[] };
  today: IsoDate;
  onTokenRefused(): void;
}

/**
 * The organization's activity log (`GET /api/admin/activity`), oldest first, filtered by purchaser,
 * product and days; read again whenever the summary changes, so it stays current. Export CSV
 * downloads exactly the rows shown.
 */
export function ActivityView({ accessToken, active, changed, options, today, onTokenRefused }: Props) {
  const [filter, setFilter] = useState<ActivityFilter>(NO_ACTIVITY_FILTER);
  const set = (change: Partial<ActivityFilter>) => setFilter((current) => ({ ...current, ...change }));
  const log = useAdminGet(activityPath(filter), accessToken, ActivityAnswer, active, changed, onTokenRefused);
  const rows = useMemo(() => activityRows(log.value?.entries ?? []), [log.value]);

  return (
    <>
      <h1>Activity</h1>
      <p class="muted">Who changed what and when, as the sync server accepted it, server corrections included. Times are UTC.</p>
      <form class="admin-filters activity-filters" role="search" aria-label="Filter activity" onSubmit={(e) => e.preventDefault()}>
        <Choice id="activity-purchaser" label="Purchaser" all="All purchasers" value={filter.purchaserId} options={options.purchasers} onChange={(purchaserId) => set({ purchaserId })} />
        <Choice id="activity-product" label="Product" all="All products" value={filter.productId} options={options.products} onChange={(productId) => set({ productId })} />
        <Day id="activity-from" label="From" value={filter.from} onChange={(from) => set({ from })} />
        <Day id="activity-to" label="To" value={filter.to} onChange={(to) => set({ to })} />
      </form>
      <div class="admin-toolbar">
        <p class="admin-count" role="status">
          {log.problem ?? (log.value ? (rows.length === 1 ? '1 change' : `${rows.length} changes`) : 'Loading activity…')}
        </p>
        <button type="button" class="btn" disabled={!log.value} onClick={() => downloadText(`seatkeeper-activity-${today}.csv`, activityCsv(rows), 'text/csv;charset=utf-8')}>
          Export activity CSV
        </button>
      </div>
      <PlainTable
        caption="Activity, oldest first"
        columns={['Time', 'Purchaser', 'Product', 'Field', 'Before → after', 'Device', 'By']}
        class="activity-table"
        empty={log.value && rows.length === 0 ? 'No activity matches.' : undefined}
      >
        {rows.map((row) => (
          <tr key={row.key} data-activity>
            <td class="nowrap">
              <time dateTime={row.at}>{dateTime.format(new Date(row.at))}</time>
            </td>
            <td>{row.purchaser}</td>
            <td>{row.product}</td>
            <td>{row.field}</td>
            <td>
              <Value text={row.before} class="activity-before" /> <span aria-hidden="true">→</span>
              <span class="visually-hidden">became</span> <Value text={row.after} class="activity-after" />
            </td>
            <td>{row.device}</td>
            <td>{row.by}</td>
          </tr>
        ))}
      </PlainTable>
    </>
  );
}

function Value({ text, class: className }: { text: string; class: string }) {
  return text ? <span class={className}>{text}</span> : <span class={`${className} muted`} data-empty>(none)</span>;
}

function Day({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(value: IsoDate | ''): void }) {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}
