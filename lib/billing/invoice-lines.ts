import type { Subscription } from '../subscriptions/schema';
import { plural } from '../text/plural';
import type { LicenseChangePreview } from './price-preview';
import type { InvoiceLine } from './schemas';

/** A full term of a subscription, at its unit price. */
export function termLine(sub: Pick<Subscription, 'id' | 'productName' | 'term' | 'unitPrice'>, licenses: number): InvoiceLine {
  return {
    description: `${sub.productName}, ${plural(licenses, 'license')}, ${sub.term}`,
    subscriptionId: sub.id,
    quantity: licenses,
    amount: sub.unitPrice * licenses,
    productName: sub.productName,
  };
}

/** The prorated charge or credit for licenses added or removed during a term. */
export function licenseChangeLine(sub: Pick<Subscription, 'id' | 'productName'>, preview: LicenseChangePreview): InvoiceLine {
  const { delta, remainingDays, termDays } = preview;
  return {
    description: `${sub.productName}, ${plural(Math.abs(delta), 'license')} ${delta > 0 ? 'added' : 'removed'} for ${remainingDays} of ${plural(termDays, 'day')}`,
    subscriptionId: sub.id,
    quantity: delta,
    amount: preview.today.subtotal,
    productName: sub.productName,
  };
}
