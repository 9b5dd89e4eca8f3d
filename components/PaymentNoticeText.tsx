import type { PaymentNotice } from '../lib/billing/payment-notice';
import { Badge } from './Badge';
import { FieldError } from './Field';

const FAILED: Record<Exclude<PaymentNotice['state'], 'awaiting'>, string> = {
  declined: 'Payment declined — update your payment method',
  'no-payment-method': 'Payment not taken — update your payment method',
};

/** "Awaiting confirmation" until the sync server has charged a subscription's last purchase or change; a failed payment says what to do. */
export function PaymentNoticeText({ notice }: { notice: PaymentNotice | undefined }) {
  if (!notice) return null;
  if (notice.state === 'awaiting') return <Badge tone="neutral">{notice.message}</Badge>;
  return <FieldError message={`${FAILED[notice.state]}. ${notice.message}`} />;
}
