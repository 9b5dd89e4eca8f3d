import type { RetryPaymentInput } from '../../../lib/commands/inputs';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { useToast } from '../../../components/Toast';
import { command } from '../messaging';

/**
 * Pay now for a subscription whose payment failed: the server tries the same card again. The
 * console's row menu and the popup's card both use it. No Undo: a request to pay cannot be taken back.
 */
export function usePayNow(): (sub: Subscription) => Promise<void> {
  const toast = useToast();
  return async (sub) => {
    const input: RetryPaymentInput = { subscriptionId: sub.id };
    const result = await command('retryPayment', input);
    if (result.ok) toast.show(result.message);
    else toast.show(Object.values(result.errors)[0] ?? 'Could not try the payment again', { tone: 'error' });
  };
}
