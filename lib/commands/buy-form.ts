import type { IsoDateTime } from '../dates';
import { isExpired } from '../billing/card';
import type { PaymentMethod } from '../billing/schemas';
import type { Product } from '../org/schemas';
import { licenseLimitRefusal, productRefusal } from '../rules/purchase-rules';
import { BuyInput } from './inputs';
import { inputErrors, type FieldErrors } from './result';

/** Why this card cannot pay for a purchase at `now`, or undefined when it can. */
export function cardRefusal(card: PaymentMethod | undefined, now: IsoDateTime): string | undefined {
  if (!card) return 'Choose a payment method';
  if (isExpired(card, now)) return 'This card has expired. Update it or choose another one.';
  return undefined;
}

/**
 * Every field of a purchase that is wrong, at once: the input's shape, the product, the number of
 * licenses it allows and the card. The Buy form checks this before its review step and as the
 * person fixes each field; the buy command runs the same rules.
 */
export function buyFormErrors(
  input: Partial<Record<keyof BuyInput, unknown>>,
  product: Product | undefined,
  card: PaymentMethod | undefined,
  now: IsoDateTime,
): FieldErrors {
  const errors = inputErrors(BuyInput, input);
  const productProblem = productRefusal(product);
  if (!errors.productId && productProblem) errors.productId = productProblem;
  const licenses = input.licenses;
  if (!errors.licenses && product && typeof licenses === 'number') {
    const overLimit = licenseLimitRefusal(product, licenses, 'buy');
    if (overLimit) errors.licenses = overLimit;
  }
  const cardProblem = cardRefusal(card, now);
  if (!errors.paymentMethodId && cardProblem) errors.paymentMethodId = cardProblem;
  return errors;
}
