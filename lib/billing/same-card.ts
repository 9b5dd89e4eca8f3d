import type { PaymentMethod } from './schemas';

type CardIdentity = Pick<PaymentMethod, 'profileId' | 'brand' | 'last4' | 'expMonth' | 'expYear'>;

/**
 * The card of the same billing profile with the same brand, last four digits and expiry: the same
 * card entered again (all that is kept of a number).
 */
export function findSameCard<T extends CardIdentity>(cards: Iterable<T>, entry: CardIdentity): T | undefined {
  for (const card of cards) {
    if (card.profileId === entry.profileId && card.brand === entry.brand && card.last4 === entry.last4 && card.expMonth === entry.expMonth && card.expYear === entry.expYear) return card;
  }
  return undefined;
}
