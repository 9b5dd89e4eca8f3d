import * as Y from 'yjs';
import { Charge } from '../billing/schemas';
import { AWAITING_MESSAGE, type PaymentNotice } from '../billing/payment-notice';
import { licensesChangeKey } from '../room/change-key';

export interface NoticesResult {
  notices: Record<string, PaymentNotice>;
  /** The subscriptions still waiting for the server's charge. */
  awaiting: string[];
}

/**
 * Pairs each subscription's last license write with the server's charge for it. A subscription this
 * device bought or changed (`awaiting`) stays 'awaiting' until that charge arrives; a declined or
 * impossible charge is shown on every device. `billing` is undefined until the billing room has
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
    const key = licensesChangeKey(purchaser, id);
    const entry = key ? charges?.get(key) : undefined;
    const charge = entry instanceof Y.Map ? Charge.safeParse(entry.toJSON()) : undefined;
    if (charge?.success) {
      const { status, message } = charge.data;
      if (status === 'declined' || status === 'no-payment-method') notices[id] = { state: status, message };
    } else if (awaiting.includes(id)) {
      notices[id] = { state: 'awaiting', message: AWAITING_MESSAGE };
      stillAwaiting.push(id);
    } else if (!billing && previous[id] && previous[id].state !== 'awaiting') {
      notices[id] = previous[id];
    }
  }
  return { notices, awaiting: stillAwaiting };
}
