import { useState } from 'preact/hooks';
import { isExpired } from '../../../lib/billing/card';
import type { PayWithCardInput } from '../../../lib/commands/inputs';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { Dialog } from '../../../components/Dialog';
import { Fieldset } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/FormError';
import { nowIso } from '../../../components/format';
import { fieldError, useCommand } from '../../ui/use-command';
import { usePaymentMethods } from '../shared/data';
import { cardExpiry, cardLabel } from '../shared/cards';

/**
 * "Pay with another card" for a subscription whose payment failed: one of the purchaser's other
 * cards the server can charge (it holds a `cardRef`, and has not expired). The server tries the
 * failed charge with it and the subscription is paid by it from then on.
 */
export function PayWithCardPane({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const now = nowIso();
  const cards = (usePaymentMethods() ?? []).filter((pm) => pm.id !== sub.paymentMethodId && pm.cardRef && !isExpired(pm, now));
  const [chosen, setChosen] = useState('');
  const { errors, run, formRef } = useCommand();
  const paymentMethodId = chosen || cards[0]?.id || '';

  function submit(e: Event) {
    e.preventDefault();
    if (!paymentMethodId) return;
    const input: PayWithCardInput = { subscriptionId: sub.id, paymentMethodId };
    void run('payWithCard', input, () => onClose());
  }

  return (
    <Dialog title="Pay with another card" description={sub.productName} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={['paymentMethodId']} />
        {cards.length === 0 ? (
          <p>You have no other card that can be charged. Add one in Bills &amp; payments while signed in.</p>
        ) : (
          <Fieldset legend="Pay with" name="paymentMethodId" error={fieldError(errors, 'paymentMethodId')}>
            <div class="radio-list">
              {cards.map((pm) => (
                <label class="check" key={pm.id}>
                  <input type="radio" name="paymentMethodId" value={pm.id} checked={paymentMethodId === pm.id} onChange={() => setChosen(pm.id)} />
                  <span>
                    {cardLabel(pm)} ({cardExpiry(pm).toLowerCase()})
                  </span>
                </label>
              ))}
            </div>
          </Fieldset>
        )}
        <p>The failed payment is tried again with this card, which pays for {sub.productName} from now on.</p>
        <FormActions submitLabel="Pay" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
