import { BRAND_LABELS } from '../../../lib/billing/card';
import type { PaymentMethod } from '../../../lib/billing/schemas';

/** "Visa •••• 4242". */
export function cardLabel(pm: Pick<PaymentMethod, 'brand' | 'last4'>): string {
  return `${BRAND_LABELS[pm.brand]} •••• ${pm.last4}`;
}

/** "Expires 04/2028". */
export function cardExpiry(pm: Pick<PaymentMethod, 'expMonth' | 'expYear'>): string {
  return `Expires ${String(pm.expMonth).padStart(2, '0')}/${pm.expYear}`;
}
