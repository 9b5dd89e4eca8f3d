import { formatMoney, type Currency, type MinorUnits } from '../money';
import type { Term } from '../org/schemas';

/**
 * How every price in Seatkeeper is labelled, in the popup, the console, the admin console and the
 * CSV export: the amount, then what it buys and whether tax is in it, always in this order —
 * "$87.50 per license per month before tax", "$1,420.78 per month incl. tax".
 */
export interface PriceBasis {
  term: Term;
  /** `before`: the catalog price, tax added on the invoice; `incl`: what the card is charged. */
  tax: 'before' | 'incl';
  /** The price of one license rather than of all of them. */
  perLicense?: boolean;
}

export const TERM_LABELS: Record<Term, string> = { monthly: 'Monthly', annual: 'Annual' };
export const PER_TERM: Record<Term, string> = { monthly: 'per month', annual: 'per year' };
export const TAX_LABELS: Record<PriceBasis['tax'], string> = { before: 'before tax', incl: 'incl. tax' };

/**
 * What a price preview says until the organization's tax rate is read: an amount "incl. tax"
 * worked out without the tax would be a wrong figure under the right label.
 */
export const TAX_RATE_PENDING = 'Loading your organization’s tax rate to work out the price…';

/** "per license per month before tax": what follows the amount. */
export function priceSuffix({ term, tax, perLicense }: PriceBasis): string {
  return `${perLicense ? 'per license ' : ''}${PER_TERM[term]} ${TAX_LABELS[tax]}`;
}

/** "$1,420.78 per month incl. tax". */
export function priceLabel(amount: MinorUnits, currency: Currency, basis: PriceBasis): string {
  return `${formatMoney(amount, currency)} ${priceSuffix(basis)}`;
}
