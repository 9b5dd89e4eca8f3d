import { useId } from 'preact/hooks';
import type { PaymentNotice } from '../../lib/billing/payment-notice';
import { subscriptionProblems } from '../../lib/subscriptions/conflicts';
import type { Subscription } from '../../lib/subscriptions/schema';
import { Button } from '../../components/Button';
import { Writable } from '../ui/read-only';
import { FieldError } from '../../components/Field';
import { paymentHasFailed, SubscriptionStatus } from '../../components/SubscriptionStatus';
import { consoleUrl, openConsole } from './open-console';
import { MoneyText } from '../../components/MoneyText';
import { PaymentNoticeText } from '../../components/PaymentNoticeText';
import { priceSuffix } from '../../lib/billing/price-label';
import { unusedLicenses } from '../../lib/insights/unused-licenses';
import { wasteText } from '../../lib/insights/waste-text';
import { licenseCounts, renewalText, statusOf, termSince } from '../../components/subscription-view';

export type QuickAction = 'buy' | 'remove' | 'remove-unused' | 'assign' | 'unassign';

/** One subscription: name, term and start, assigned/total, renewal or expiry, price, status, and its quick actions. */
export function SubscriptionCard({
  sub,
  now,
  payment,
  onAction,
  onPayNow,
}: {
  sub: Subscription;
  now: string;
  payment?: PaymentNotice;
  onAction: (kind: QuickAction) => void;
  onPayNow: () => void;
}) {
  const id = useId();
  const status = statusOf(sub, now);
  const { assigned, total } = licenseCounts(sub);
  const active = status === 'active';
  const waste = unusedLicenses(sub, now);
  return (
    <li class="sub-card" aria-labelledby={`${id}-name`}>
      <div class="sub-card-head">
        <h2 id={`${id}-name`} tabIndex={-1}>{sub.productName}</h2>
        <SubscriptionStatus status={status} payment={payment} />
      </div>
      <p class="sub-card-term">{termSince(sub)}</p>
      <p class="sub-card-meta">
        <span>
          <strong>
            {assigned}/{total}
          </strong>{' '}
          licenses assigned
        </span>
        <span>{renewalText(sub, status)}</span>
        <MoneyText amount={sub.unitPrice * sub.licenses} currency={sub.currency} suffix={priceSuffix({ term: sub.term, tax: 'before' })} />
      </p>
      {waste.unused ? <p class="sub-card-waste">{wasteText(waste)}</p> : null}
      {/* A merge of two devices' offline edits can break what each command checked: say what to fix. */}
      {subscriptionProblems(sub).map((problem) => (
        <FieldError key={problem} message={problem} />
      ))}
      <PaymentNoticeText notice={payment} />
      <Writable>
      <div class="button-row" role="group" aria-label={`Actions for ${sub.productName}`}>
        {status !== 'expired' && paymentHasFailed(payment) ? (
          <>
            <Button small variant="primary" onClick={onPayNow}>
              Pay now
            </Button>
            <a class="btn btn-secondary btn-small" href={consoleUrl('products', 'pay', sub.id)} onClick={openConsole}>
              Pay with another card
            </a>
          </>
        ) : null}
        {active ? (
          <>
            <Button small onClick={() => onAction('buy')}>
              Buy licenses
            </Button>
            <Button small onClick={() => onAction('remove')}>
              Remove licenses
            </Button>
            {waste.unused ? (
              <Button small onClick={() => onAction('remove-unused')}>
                Remove unused licenses
              </Button>
            ) : null}
          </>
        ) : null}
        {status !== 'expired' ? (
          <Button small onClick={() => onAction('assign')}>
            Assign licenses
          </Button>
        ) : null}
        {assigned > 0 ? (
          <Button small onClick={() => onAction('unassign')}>
            Unassign licenses
          </Button>
        ) : null}
      </div>
      </Writable>
    </li>
  );
}
