import { useMemo, useState } from 'preact/hooks';
import { orgRenewals, orgSpend, type SpendFilter } from '../lib/admin/org-insights';
import { filterOptions } from '../lib/admin/summary-filter';
import type { SummaryRow } from '../lib/admin/summary-rows';
import type { Invoice } from '../lib/billing/schemas';
import type { IsoDateTime } from '../lib/dates';
import { spendProducts } from '../lib/insights/spend-products';
import { RenewalsList } from '../components/RenewalsList';
import { SpendChart } from '../components/SpendChart';
import { Choice } from './SummaryFilters';
import { useBillingInvoices } from './use-billing-invoices';
import type { LiveRoomEvents, LiveStatus } from './use-live-room';

interface Props {
  orgId: string;
  accessToken: string;
  events: LiveRoomEvents;
  rows: readonly SummaryRow[];
  now: IsoDateTime;
}

const DAYS = 90;
const MONTHS = 12;

/**
 * The organization's upcoming renewals (from the summary room) and what was invoiced per month
 * (from every purchaser's billing room, read live), filterable by purchaser and product.
 */
export function InsightsView({ orgId, accessToken, events, rows, now }: Props) {
  const [invoices, setInvoices] = useState<Record<string, { invoices: Invoice[]; status: LiveStatus }>>({});
  const [filter, setFilter] = useState<SpendFilter>({ purchaserId: '', product: '' });
  const purchasers = useMemo(() => filterOptions(rows).purchasers, [rows]);
  const renewals = useMemo(() => orgRenewals(rows, now, DAYS), [rows, now]);
  const byPurchaser = useMemo(() => Object.fromEntries(Object.entries(invoices).map(([id, room]) => [id, room.invoices])), [invoices]);
  const everything = useMemo(() => orgSpend(byPurchaser, rows, { purchaserId: '', product: '' }, now, MONTHS), [byPurchaser, rows, now]);
  const series = useMemo(() => orgSpend(byPurchaser, rows, filter, now, MONTHS), [byPurchaser, rows, filter, now]);
  const products = useMemo(() => [...new Set(everything.flatMap(spendProducts))].sort((a, b) => a.localeCompare(b)), [everything]);
  const loading = purchasers.some((p) => invoices[p.value]?.status !== 'live');
  const onInvoices = (personId: string, theirs: Invoice[], status: LiveStatus) =>
    setInvoices((all) => ({ ...all, [personId]: { invoices: theirs, status } }));

  return (
    <>
      {purchasers.map((p) => (
        <BillingRoom key={p.value} orgId={orgId} personId={p.value} token={accessToken} events={events} onInvoices={onInvoices} />
      ))}
      <h1>Insights</h1>
      <section aria-labelledby="org-renewals">
        <h2 id="org-renewals">Upcoming renewals</h2>
        <p class="muted">What renews in your organization in the next {DAYS} days, at today’s licenses and prices, before tax.</p>
        <RenewalsList renewals={renewals} purchasers days={DAYS} />
      </section>
      <section aria-labelledby="org-spend">
        <h2 id="org-spend">Spend over time</h2>
        <form class="admin-filters spend-filters" aria-label="Filter spend" onSubmit={(e) => e.preventDefault()}>
          <Choice id="spend-purchaser" label="Purchaser" all="All purchasers" value={filter.purchaserId} options={purchasers} onChange={(purchaserId) => setFilter({ ...filter, purchaserId })} />
          <Choice
            id="spend-product"
            label="Product"
            all="All products"
            value={filter.product}
            options={products.map((name) => ({ value: name, label: name }))}
            onChange={(product) => setFilter({ ...filter, product })}
          />
        </form>
        <p class="muted" role="status">
          {loading ? 'Loading invoices…' : ''}
        </p>
        {!loading && !series.length ? <p class="muted">No invoices in the past {MONTHS} months.</p> : null}
        {series.map((s) => (
          <SpendChart key={s.currency} series={s} title={`Invoiced per month, past ${MONTHS} months${series.length > 1 ? ` (${s.currency})` : ''}`} />
        ))}
      </section>
    </>
  );
}

function BillingRoom(props: { orgId: string; personId: string; token: string; events: LiveRoomEvents; onInvoices: (personId: string, invoices: Invoice[], status: LiveStatus) => void }) {
  useBillingInvoices(props.orgId, props.personId, props.token, props.events, props.onInvoices);
  return null;
}
