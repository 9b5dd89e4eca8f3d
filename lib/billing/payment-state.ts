import type { ChargeStatus } from './schemas';

/** Outcomes of a charge that leave the subscription unpaid: shown as "Payment failed", and paid again with Pay now or another card. */
export const RETRYABLE: ReadonlySet<ChargeStatus> = new Set(['declined', 'no-payment-method']);

export function paymentFailed(charge: { status: ChargeStatus } | undefined): boolean {
  return charge !== undefined && RETRYABLE.has(charge.status);
}
