import * as Y from 'yjs';
import { Charge } from '../billing/schemas';
import { licensesChangeKey } from './change-key';

/**
 * The server's charge for a subscription's last purchase or license change (the one keyed by its
 * current `licensesChangeKey`), or undefined while it has none. Retries write to the same record.
 */
export function currentCharge(purchaser: Y.Doc, billing: Y.Doc | undefined, subscriptionId: string): Charge | undefined {
  const key = licensesChangeKey(purchaser, subscriptionId);
  const entry = key ? billing?.getMap<unknown>('charges').get(key) : undefined;
  if (!(entry instanceof Y.Map)) return undefined;
  const charge = Charge.safeParse(entry.toJSON());
  return charge.success ? charge.data : undefined;
}
