import { toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import type { Subscription } from '../subscriptions/schema';
import { amountsFor, type Amounts } from './invoice';
import { licenseChangeLine, termLine } from './invoice-lines';
import { previewLicenseChange } from './price-preview';
import type { InvoiceLine } from './schemas';

/** What the server bills for one change of a subscription, priced with the same functions the commands use. */
export interface ChargeRequest {
  subscriptionId: string;
  kind: 'purchase' | 'licenses';
  /** Empty when there is nothing to bill (licenses changed on the last day of a term). */
  lines: InvoiceLine[];
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amounts: Amounts;
}

/**
 * The billing decision for a subscription before and after an accepted change: a new subscription
 * is a purchase of its first term at the licenses it has now; a different license count is
 * prorated at `now` (the server's clock) from the count before; anything else bills nothing.
 */
export function chargeRequest(
  before: Subscription | undefined,
  after: Subscription,
  taxRateBps: number,
  now: IsoDateTime,
): ChargeRequest | undefined {
  if (!before) {
    const line = termLine(after, after.licenses);
    return {
      subscriptionId: after.id,
      kind: 'purchase',
      lines: [line],
      periodStart: after.startedOn,
      periodEnd: after.renewsOn,
      amounts: amountsFor(line.amount, taxRateBps),
    };
  }
  if (before.licenses === after.licenses) return undefined;
  const preview = previewLicenseChange({ ...after, licenses: before.licenses }, after.licenses, taxRateBps, now);
  return {
    subscriptionId: after.id,
    kind: 'licenses',
    lines: preview.today.subtotal === 0 ? [] : [licenseChangeLine(after, preview)],
    periodStart: toIsoDate(now),
    periodEnd: after.renewsOn,
    amounts: preview.today,
  };
}
