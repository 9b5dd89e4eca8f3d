import type { PaymentNotice } from '../lib/billing/payment-notice';
import { Badge } from './Badge';
import { FieldError } from './Field';

const FAILED: Record<Exclude<PaymentNotice['state'], 'awaiting'>, string> = {
  declined: 'Payment declined',
  'no-payment-method': 'Payment not taken',
};

/**
 * "Awaiting confirmation" until the sync server has charged a subscription's last purchase or change
 * (or answered a request to pay again); a failed payment says why and what to do.
 */
export function PaymentNoticeText({ notice }: { notice: PaymentNotice | undefined }) {
  if (!notice) return null;
  if (notice.state === 'awaiting') return <Badge tone="neutral">{notice.message}</Badge>;
  return <FieldError message={`${FAILED[notice.state]}: ${notice.message} Pay now, or pay with another card.`} />;
}
