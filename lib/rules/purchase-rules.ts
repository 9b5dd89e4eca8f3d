import { addMonths, toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import type { Currency, MinorUnits } from '../money';
import type { Product, Term } from '../org/schemas';
import { TERM_MONTHS } from '../subscriptions/period';
import type { OrgView } from './org-view';

// Apart, so the popup's licenses pane checks them without the rest of these rules.
export { assignedCoverRefusal, licenseLimitRefusal } from './license-limits';

/**
 * The purchase and license rules of a subscription, as plain checks that return why not (or
 * nothing). The extension's commands show the reason next to the field; the server runs the same
 * checks on every accepted update and corrects what an honest device merged past them.
 */

/** Whether people may buy `product` themselves: the admins' policy when they set one, else the catalog's default. */
export function selfServiceAllowed(product: Pick<Product, 'selfService' | 'selfServicePolicy'>): boolean {
  return product.selfServicePolicy ? product.selfServicePolicy === 'allow' : product.selfService;
}

/** Why `productId` cannot be bought here, or undefined when it can. */
export function purchaseRefusal(org: OrgView, productId: string): string | undefined {
  return productRefusal(org.product(productId));
}

/** Why this catalog entry (undefined: none by that id) cannot be bought here, or undefined when it can. */
export function productRefusal(product: Product | undefined): string | undefined {
  if (!product) return 'This product is not in your catalog';
  if (selfServiceAllowed(product)) return undefined;
  if (product.selfServicePolicy === 'deny') return `Your IT admin has turned off self-service purchases of ${product.name}.`;
  return `${product.name} can't be bought here. Contact your sales representative.`;
}

/** Which of `personIds` are not people of the purchaser's organization. */
export function outsiders(org: OrgView, personIds: readonly string[]): string[] {
  return personIds.filter((id) => !org.member(id));
}

/** What the seller decides about a purchase made at `now`: the catalog's price and name, and the first term's dates. */
export interface PurchaseTerms {
  productName: string;
  unitPrice: MinorUnits;
  currency: Currency;
  startedOn: IsoDate;
  renewsOn: IsoDate;
}

export function purchaseTerms(product: Product, term: Term, now: IsoDateTime): PurchaseTerms {
  const startedOn = toIsoDate(now);
  return {
    productName: product.name,
    unitPrice: product.prices[term],
    currency: product.currency,
    startedOn,
    renewsOn: addMonths(startedOn, TERM_MONTHS[term]),
  };
}
