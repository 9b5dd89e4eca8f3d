import type { PaymentNotice } from '../lib/billing/payment-notice';
import type { EffectiveStatus } from '../lib/subscriptions/status';
import { Badge } from './Badge';
import { STATUS_LABELS, STATUS_TONES } from './subscription-view';

/** Whether a subscription's last charge was declined or could not be taken (its row offers Pay now). */
export function paymentHasFailed(notice: PaymentNotice | undefined): boolean {
  return notice?.state === 'declined' || notice?.state === 'no-payment-method';
}

/** A subscription's status badge: "Payment failed" rather than "Active" while its last charge is unpaid. */
export function SubscriptionStatus({ status, payment }: { status: EffectiveStatus; payment: PaymentNotice | undefined }) {
  if (status === 'active' && paymentHasFailed(payment)) return <Badge tone="bad">Payment failed</Badge>;
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
