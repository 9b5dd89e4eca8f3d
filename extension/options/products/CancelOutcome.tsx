import { unusedRefund } from '../../../lib/billing/refund';
import { toIsoDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { withinRefundWindow } from '../../../lib/rules/refund-window';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { formatDate, nowIso } from '../../../components/format';
import { db } from '../../ui/db';
import { useOrganization } from '../../ui/organization';
import { useLiveQuery } from '../../ui/use-live-query';
import { useHasAccount } from '../shared/data';

/**
 * What canceling does. Within 7 days of the purchase: it ends today, with the refund the sync server
 * will give (the same `unusedRefund` over the invoices this device has of the subscription). Only
 * for an account's subscriptions: the demo bills on the device and refunds nothing. Otherwise the
 * licenses stay usable to the end of the term.
 */
export function CancelOutcome({ sub }: { sub: Subscription }) {
  const org = useOrganization();
  const hasAccount = useHasAccount();
  const invoices = useLiveQuery(() => db.invoices.filter((invoice) => invoice.lines.some((line) => line.subscriptionId === sub.id)).toArray(), [sub.id]).data;
  const now = nowIso();
  if (!hasAccount || !org || !invoices || !withinRefundWindow(sub.startedOn, now)) {
    return (
      <p>
        Your licenses stay usable until {formatDate(sub.renewsOn)}; the subscription won’t renew. You can reactivate it until
        then.
      </p>
    );
  }
  const refund = unusedRefund(invoices, toIsoDate(now), org.taxRateBps);
  return (
    <p data-testid="refund-estimate">
      Bought within the last 7 days: canceling ends it today, and a refund of about {formatMoney(-refund.total, sub.currency)} (incl. tax) for the unused
      part goes back to your card.
    </p>
  );
}
