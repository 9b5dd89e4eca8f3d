import { summaryCsv } from '../lib/admin/summary-csv';
import type { SummaryRow } from '../lib/admin/summary-rows';
import type { IsoDate } from '../lib/dates';
import { summaryStatus } from '../components/subscription-view';
import { downloadText } from './download';

/** Downloads the rows the table shows now, filtered and sorted as they are. */
export function ExportCsvButton({ rows, today }: { rows: readonly SummaryRow[]; today: IsoDate }) {
  return (
    <button
      type="button"
      class="btn"
      onClick={() => downloadText(`seatkeeper-subscriptions-${today}.csv`, summaryCsv(rows, (row) => summaryStatus(row).label), 'text/csv;charset=utf-8')}
    >
      Export CSV
    </button>
  );
}
