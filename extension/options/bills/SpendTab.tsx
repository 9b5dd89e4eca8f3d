import { monthlySpend } from '../../../lib/insights/monthly-spend';
import { spendProductOf } from '../../../lib/insights/spend-products';
import { EmptyState } from '../../../components/EmptyState';
import { SpendChart } from '../../../components/SpendChart';
import { db } from '../../ui/db';
import { useLiveQuery } from '../../ui/use-live-query';
import { useSubscriptions } from '../shared/data';
import { Loading } from '../shared/Loading';

const MONTHS = 12;

/** Bills & payments > Spend over time: what was invoiced per month for the past 12 months, per product. */
export function SpendTab() {
  const invoices = useLiveQuery(() => db.invoices.toArray(), []).data;
  const subs = useSubscriptions();
  if (!invoices || !subs) return <Loading what="your spend" />;
  const productOf = spendProductOf(invoices, (id) => subs.find((sub) => sub.id === id)?.productName);
  const series = monthlySpend(invoices, productOf, new Date().toISOString(), MONTHS);
  if (!series.length) {
    return (
      <EmptyState title="No invoices in the past 12 months">
        <p>What you are invoiced each month shows here.</p>
      </EmptyState>
    );
  }
  return (
    <>
      {series.map((s) => (
        <SpendChart key={s.currency} series={s} title={`Invoiced per month, past ${MONTHS} months${series.length > 1 ? ` (${s.currency})` : ''}`} />
      ))}
    </>
  );
}
