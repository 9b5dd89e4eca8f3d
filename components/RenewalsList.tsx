import { renewalsByMonth, type Renewal } from '../lib/insights/upcoming-renewals';
import { formatMoney } from '../lib/money';
import { formatDate } from './format';
import { monthLabel } from './SpendChart';

type Listed = Renewal & { purchaserName?: string };

/**
 * The renewals ahead, month by month like a calendar's agenda: each month headed by its total
 * (one per currency), then its renewals by date. With `purchasers`, a column says whose each one is.
 */
export function RenewalsList({ renewals, purchasers = false, days }: { renewals: readonly Listed[]; purchasers?: boolean; days: number }) {
  if (!renewals.length) return <p class="muted">Nothing renews in the next {days} days.</p>;
  const totals = renewalsByMonth(renewals);
  const months = [...new Set(totals.map((t) => t.month))];
  return (
    <div class="renewals">
      {months.map((month) => {
        const total = totals.filter((t) => t.month === month).map((t) => formatMoney(t.total, t.currency)).join(' + ');
        const theirs = renewals.filter((r) => r.on.startsWith(month));
        return (
          <section key={month} class="renewals-month" aria-labelledby={`renewals-${month}`}>
            <h3 id={`renewals-${month}`}>
              {monthLabel(month)} <span class="renewals-total">— {total}</span>
            </h3>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Renewals in {monthLabel(month)}, {total} in all</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Product</th>
                    {purchasers ? <th scope="col">Purchaser</th> : null}
                    <th scope="col" class="num">
                      Licenses
                    </th>
                    <th scope="col" class="num">
                      Amount before tax
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {theirs.map((r) => (
                    <tr key={`${r.subscriptionId} ${r.on}`}>
                      <td class="nowrap">{formatDate(r.on)}</td>
                      <th scope="row">{r.productName}</th>
                      {purchasers ? <td>{r.purchaserName}</td> : null}
                      <td class="num">{r.licenses}</td>
                      <td class="num money">{formatMoney(r.amount, r.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
