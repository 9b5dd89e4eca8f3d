import { randomBytes } from 'node:crypto';
import { checkCardEntry } from '../../lib/billing/card';
import type { Db } from '../db';
import type { CardEntry, ChargeAttempt, ChargeOutcome, PaymentProcessor, Tokenized } from './processor';

/** Stripe's test card that tokenizes but whose charges are declined. */
export const DECLINED_CARD = '4000000000000002';
/** Stripe's test card that always succeeds; any other valid card number does too. */
export const SUCCEEDING_CARD = '4242424242424242';
export const DECLINED_MESSAGE = 'Your card was declined.';

/**
 * A payment processor for demos and tests, in the server's SQLite file. It behaves like Stripe in
 * test mode: every card that passes the card checks tokenizes; charges to the Stripe test number
 * 4000 0000 0000 0002 are declined, charges to any other card succeed. It decides at tokenization
 * whether the card declines and keeps only that, the brand and the last 4: no card number or
 * security code is stored anywhere. Charges are recorded by idempotency key, so a repeated attempt
 * returns the first outcome and charges nothing more.
 */
export class SimulatedProcessor implements PaymentProcessor {
  private readonly insertCard;
  private readonly cardByToken;
  private readonly insertCharge;
  private readonly chargeByKey;

  /** `delayMs`: how long each charge takes, as a real processor's round trip does (fault tests kill the server meanwhile). */
  constructor(db: Db, private readonly delayMs = 0) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS simulated_cards (
        token TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        last4 TEXT NOT NULL,
        declines INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS simulated_charges (
        idempotency_key TEXT PRIMARY KEY,
        token TEXT NOT NULL,
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        charge_id TEXT,
        decline_message TEXT
      );
    `);
    this.insertCard = db.prepare<[string, string, string, number]>('INSERT INTO simulated_cards (token, brand, last4, declines) VALUES (?, ?, ?, ?)');
    this.cardByToken = db.prepare<[string], { declines: number }>('SELECT declines FROM simulated_cards WHERE token = ?');
    this.insertCharge = db.prepare<[string, string, number, string, string | null, string | null]>(
      'INSERT INTO simulated_charges (idempotency_key, token, amount, currency, charge_id, decline_message) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.chargeByKey = db.prepare<[string], { charge_id: string | null; decline_message: string | null }>(
      'SELECT charge_id, decline_message FROM simulated_charges WHERE idempotency_key = ?',
    );
  }

  async tokenize(card: CardEntry, now: string): Promise<Tokenized> {
    return this.register(card, now);
  }

  /** `tokenize` without the wait, for seeding demo data from synchronous setup code. */
  register(card: CardEntry, now: string): Tokenized {
    const checked = checkCardEntry(card, now);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const token = `tok_${randomBytes(12).toString('hex')}`;
    const declines = card.number.replace(/[\s-]/g, '') === DECLINED_CARD;
    this.insertCard.run(token, checked.brand, checked.last4, declines ? 1 : 0);
    return { ok: true, token, brand: checked.brand, last4: checked.last4 };
  }

  async charge(attempt: ChargeAttempt): Promise<ChargeOutcome> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const earlier = this.chargeByKey.get(attempt.idempotencyKey);
    if (earlier) return earlier.charge_id ? { ok: true, chargeId: earlier.charge_id } : { ok: false, code: 'card_declined', message: earlier.decline_message ?? DECLINED_MESSAGE };
    const card = this.cardByToken.get(attempt.token);
    if (!card) return { ok: false, code: 'unknown_token', message: 'The payment processor does not know this card. Add it again.' };
    const chargeId = card.declines ? null : `ch_${randomBytes(12).toString('hex')}`;
    this.insertCharge.run(attempt.idempotencyKey, attempt.token, attempt.amount, attempt.currency, chargeId, chargeId ? null : DECLINED_MESSAGE);
    return chargeId ? { ok: true, chargeId } : { ok: false, code: 'card_declined', message: DECLINED_MESSAGE };
  }
}
