import { subscriptionProblems } from '../../../lib/subscriptions/conflicts';
import { freeLicenses } from '../../../lib/subscriptions/status';
import { FieldError } from '../../../components/Field';
import { Badge } from '../../../components/Badge';
import { EmptyState } from '../../../components/EmptyState';
import { licenseCounts, STATUS_LABELS, STATUS_TONES, statusOf, termSince } from '../../../components/subscription-view';
import { href } from '../router';
import { useSubscriptions } from '../shared/data';
import { Loading } from '../shared/Loading';
import { ProductLicenses } from './ProductLicenses';

/** Billing > Licenses: products with their license counts; pick one to assign or unassign. */
export function LicensesSection({ subscriptionId }: { subscriptionId: string | undefined }) {
  const subs = useSubscriptions();
  if (subscriptionId) {
    if (!subs) return <Loading what="licenses" />;
    const sub = subs.find((s) => s.id === subscriptionId);
    if (sub) return <ProductLicenses sub={sub} />;
    return (
      <>
        <h1>Licenses</h1>
        <EmptyState title="This subscription isn’t here anymore">
          <p>
            <a href={href('licenses')}>Back to Licenses</a>
          </p>
        </EmptyState>
      </>
    );
  }
  const now = new Date().toISOString();
  return (
    <>
      <h1>Licenses</h1>
      <p class="muted">Select a product to assign or unassign its licenses.</p>
      {!subs ? (
        <Loading what="licenses" />
      ) : subs.length === 0 ? (
        <EmptyState title="No products yet">
          <p>Buy a subscription in Your products; its licenses show up here.</p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Products and their licenses</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Term</th>
                <th scope="col" class="num">
                  Assigned licenses
                </th>
                <th scope="col" class="num">
                  Available licenses
                </th>
                <th scope="col" class="num">
                  Total licenses
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {subs.map((sub) => {
                const { assigned, total } = licenseCounts(sub);
                const status = statusOf(sub, now);
                return (
                  <tr key={sub.id}>
                    <th scope="row">
                      <a href={href('licenses', sub.id)}>{sub.productName}</a>
                      {subscriptionProblems(sub).map((problem) => (
                        <FieldError key={problem} message={problem} />
                      ))}
                    </th>
                    <td>{termSince(sub)}</td>
                    <td class="num">{assigned}</td>
                    <td class="num">{freeLicenses(sub)}</td>
                    <td class="num">{total}</td>
                    <td>
                      <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
