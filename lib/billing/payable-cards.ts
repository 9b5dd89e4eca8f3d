import type { BillingProfile, PaymentMethod } from './schemas';

/**
 * Whether the card can pay. `signedIn`: the document belongs to a sync server account, whose server
 * bills it and can charge only a card its processor tokenized (`cardRef`); in the demo every card pays.
 */
export function canPay(card: Pick<PaymentMethod, 'cardRef'>, signedIn: boolean): boolean {
  return !signedIn || card.cardRef !== undefined;
}

/** The cards that may be offered to pay: never one the server cannot charge. */
export function payableCards<T extends Pick<PaymentMethod, 'cardRef'>>(cards: readonly T[], signedIn: boolean): T[] {
  return cards.filter((card) => canPay(card, signedIn));
}

/** Whether the card pays the invoices of its billing profile (the profile's `paymentMethodId`). */
export function isDefaultCard(card: Pick<PaymentMethod, 'id' | 'profileId'>, profiles: readonly Pick<BillingProfile, 'id' | 'paymentMethodId'>[]): boolean {
  return profiles.some((profile) => profile.id === card.profileId && profile.paymentMethodId === card.id);
}

/** The card to preselect among `cards`: the default card of a billing profile, else the first one. */
export function defaultCardId(
  cards: readonly Pick<PaymentMethod, 'id' | 'profileId'>[],
  profiles: readonly Pick<BillingProfile, 'id' | 'paymentMethodId'>[],
): string | undefined {
  return (cards.find((card) => isDefaultCard(card, profiles)) ?? cards[0])?.id;
}
