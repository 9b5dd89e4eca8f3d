import type * as Y from 'yjs';
import { AWAITING_MESSAGE, type PaymentNotice } from '../billing/payment-notice';
import { paymentFailed } from '../billing/payment-state';
import { currentCharge } from '../room/current-charge';

export interface NoticesResult {
  notices: Record<string, PaymentNotice>;
  /** The subscriptions still waiting for the server's charge. */
  awaiting: string[];
}

/**
 * Pairs each subscription's last license write with the server's charge for it. A subscription this
 * device bought or changed (`awaiting`) stays 'awaiting' until that charge arrives; a declined or
 * impossible charge is shown on every device, and is 'awaiting' again once the purchaser asked to
 * pay again (a `paymentRetry` the charge has not answered yet). `billing` is undefined until the billing room has
 * synced: then only the awaiting notices are refreshed and the others kept as they were.
 */
export function paymentNotices(
  purchaser: Y.Doc,
  billing: Y.Doc | undefined,
  awaiting: readonly string[],
  previous: Record<string, PaymentNotice>,
): NoticesResult {
  const notices: Record<string, PaymentNotice> = {};
  const stillAwaiting: string[] = [];
  const charges = billing?.getMap<unknown>('charges');
  for (const id of purchaser.getMap('subscriptions').keys()) {
    const charge = charges ? currentCharge(purchaser, billing, id) : undefined;
    if (charge) {
      const { status, message } = charge;
      const retry = (purchaser.getMap<Y.Map<unknown>>('subscriptions').get(id)?.get('paymentRetry') as string | undefined) ?? undefined;
      if (paymentFailed(charge) && retry !== undefined && retry !== charge.retryOf) notices[id] = { state: 'awaiting', message: AWAITING_MESSAGE };
      else if (status === 'declined' || status === 'no-payment-method') notices[id] = { state: status, message };
    } else if (awaiting.includes(id)) {
      notices[id] = { state: 'awaiting', message: AWAITING_MESSAGE };
      stillAwaiting.push(id);
    } else if (!billing && previous[id] && previous[id].state !== 'awaiting') {
      notices[id] = previous[id];
    }
  }
  return { notices, awaiting: stillAwaiting };
}
