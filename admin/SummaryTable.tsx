import type { SummaryRow } from '../lib/admin/summary-rows';
import { toggleSort, type SortColumn, type SummarySort } from '../lib/admin/summary-sort';
import { priceLabel } from '../lib/billing/price-label';
import { formatDate } from '../components/format';
import { summaryStatus } from '../components/subscription-view';
import { UnusedCell } from './UnusedCell';

interface Props {
  rows: readonly SummaryRow[];
  sort: SummarySort;
  onSort(sort: SummarySort): void;
  openKey: string | undefined;
  onOpen(key: string): void;
  /** Nothing has arrived from the server yet. */
  loading: boolean;
  /** The keys of the rows ticked for Export users. */
  selected: ReadonlySet<string>;
  /** Ticks or unticks rows (all shown ones from the header's box). */
  onSelect(keys: readonly string[], checked: boolean): void;
}

const COLUMNS: { column: SortColumn; label: string; numeric?: boolean }[] = [
  { column: 'product', label: 'Product' },
  { column: 'purchaser', label: 'Purchaser' },
  { column: 'licenses', label: 'Licenses', numeric: true },
  { column: 'assigned', label: 'Assigned', numeric: true },
  { column: 'unused', label: 'Unused', numeric: true },
  { column: 'renewsOn', label: 'Renews or expires' },
  { column: 'price', label: 'Price per term', numeric: true },
  { column: 'status', label: 'Status' },
];

/**
 * One row per subscription. A row opens its details on click, Enter or Space; rows are focusable
 * for that, and nothing in them changes anything.
 */
export function SummaryTable({ rows, sort, onSort, openKey, onOpen, loading, selected, onSelect }: Props) {
  const ticked = rows.filter((row) => selected.has(row.key)).length;
  return (
    <div class="table-wrap admin-table">
      <table>
        <caption class="visually-hidden">Subscriptions. Select a row to see who is assigned a license; tick rows to export their users.</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ column, label, numeric }) => {
              const sorted = sort.column === column ? sort.direction : undefined;
              return (
                <th key={column} scope="col" class={numeric ? 'num' : undefined} aria-sort={sorted}>
                  <button type="button" class="sort-button" onClick={() => onSort(toggleSort(sort, column))}>
                    {label}
                    <span class="sort-mark" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col" class="select-cell">
              <input
                id="select-all"
                type="checkbox"
                checked={rows.length > 0 && ticked === rows.length}
                indeterminate={ticked > 0 && ticked < rows.length}
                disabled={rows.length === 0}
                onChange={(e) => onSelect(rows.map((row) => row.key), e.currentTarget.checked)}
              />
              <label for="select-all">Select all</label>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} class="muted">
                {loading ? 'Loading subscriptions…' : 'No subscriptions match.'}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr
              key={row.key}
              data-key={row.key}
              tabIndex={0}
              class={row.key === openKey ? 'is-open' : undefined}
              aria-current={row.key === openKey ? 'true' : undefined}
              onClick={() => onOpen(row.key)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                onOpen(row.key);
              }}
            >
              <td>{row.productName}</td>
              <td>{row.purchaserName}</td>
              <td class="num">{row.licenses}</td>
              <td class="num">{row.assignedCount}</td>
              <td class="num">
                <UnusedCell waste={row.unused} />
              </td>
              <td class="nowrap">{formatDate(row.renewsOn)}</td>
              <td class="num money">{priceLabel(row.termPrice, row.currency, { term: row.term, tax: 'before' })}</td>
              <td>
                <span class={`badge badge-${summaryStatus(row).tone}`}>{summaryStatus(row).label}</span>
              </td>
              {/* Ticking selects the row for Export users; it neither opens the row nor changes anything. */}
              <td class="select-cell" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                <input id={`select-${row.key}`} type="checkbox" checked={selected.has(row.key)} onChange={(e) => onSelect([row.key], e.currentTarget.checked)} />
                <label for={`select-${row.key}`} class="visually-hidden">
                  Select {row.productName} of {row.purchaserName}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
