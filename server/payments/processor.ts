import type { CardBrand } from '../../lib/billing/schemas';
import type { Currency, MinorUnits } from '../../lib/money';

/** A card as the purchaser typed it; it goes to the processor and nowhere else. */
export interface CardEntry {
  number: string;
  expMonth: number;
  expYear: number;
  securityCode: string;
}

export type Tokenized =
  | { ok: true; token: string; brand: CardBrand; last4: string }
  /** Field errors keyed like the card form's fields. */
  | { ok: false; errors: Record<string, string> };

export interface ChargeAttempt {
  token: string;
  /** In the currency's minor unit, more than 0. */
  amount: MinorUnits;
  currency: Currency;
  /** The same key always gets the first attempt's outcome back and never charges twice. */
  idempotencyKey: string;
  description: string;
}

export type ChargeOutcome = { ok: true; chargeId: string } | { ok: false; code: 'card_declined' | 'unknown_token'; message: string };

/**
 * What the server needs of a payment processor (Stripe's shape): turn a card into a token once, and
 * charge a token idempotently, both over the network like every real processor's API. The server
 * keeps tokens, never card numbers, and never puts a token in a document (see CardVault).
 */
export interface PaymentProcessor {
  tokenize(card: CardEntry, now: string): Promise<Tokenized>;
  charge(attempt: ChargeAttempt): Promise<ChargeOutcome>;
}
