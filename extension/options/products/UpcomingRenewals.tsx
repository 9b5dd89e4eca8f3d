import { upcomingRenewals } from '../../../lib/insights/upcoming-renewals';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { RenewalsList } from '../../../components/RenewalsList';
import { Loading } from '../shared/Loading';

const DAYS = 90;

/** Your products > Upcoming renewals: what renews in the next 90 days, month by month with each month's total. */
export function UpcomingRenewals({ subs }: { subs: readonly Subscription[] | undefined }) {
  if (!subs) return <Loading what="your renewals" />;
  return (
    <>
      <h2>Renewals in the next {DAYS} days</h2>
      <p class="muted">Each renewal at the licenses and price the subscription has today, before tax. Canceled subscriptions do not renew.</p>
      <RenewalsList renewals={upcomingRenewals(subs, new Date().toISOString(), DAYS)} days={DAYS} />
    </>
  );
}
