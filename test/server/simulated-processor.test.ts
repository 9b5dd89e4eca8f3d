import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/db';
import { DECLINED_CARD, DECLINED_MESSAGE, SUCCEEDING_CARD, SimulatedProcessor } from '../../server/payments/simulated-processor';
import { tempDataDir } from './harness';

const NOW = '2026-03-15T12:00:00.000Z';
const card = (number: string) => ({ number, expMonth: 12, expYear: 2028, securityCode: '123' });
const opened: { db: Db; remove(): void }[] = [];

function processor(dir = tempDataDir()): { processor: SimulatedProcessor; db: Db; dir: string } {
  const db = openDb(dir.dir);
  opened.push({ db, remove: dir.remove });
  return { processor: new SimulatedProcessor(db), db, dir: dir.dir };
}

afterEach(() => {
  for (const { db, remove } of opened.splice(0)) {
    if (db.open) db.close();
    remove();
  }
});

describe('SimulatedProcessor', () => {
  it('tokenizes a valid card and charges 4242 4242 4242 4242', async () => {
    const { processor: p } = processor();
    const tokenized = await p.tokenize(card('4242 4242 4242 4242'), NOW);
    expect(tokenized).toMatchObject({ ok: true, brand: 'visa', last4: '4242', token: expect.stringMatching(/^tok_[0-9a-f]{24}$/) });
    if (!tokenized.ok) return;
    expect(await p.charge({ token: tokenized.token, amount: 1083, currency: 'USD', idempotencyKey: 'k1', description: 'x' })).toMatchObject({ ok: true, chargeId: expect.stringMatching(/^ch_/) });
  });

  it('declines 4000 0000 0000 0002 at charge time, not at tokenization', async () => {
    const { processor: p } = processor();
    const tokenized = await p.tokenize(card(DECLINED_CARD), NOW);
    if (!tokenized.ok) throw new Error('should tokenize');
    expect(await p.charge({ token: tokenized.token, amount: 500, currency: 'USD', idempotencyKey: 'k2', description: 'x' })).toEqual({ ok: false, code: 'card_declined', message: DECLINED_MESSAGE });
  });

  it('refuses what the card form refuses, with the same field errors', async () => {
    const { processor: p } = processor();
    expect(await p.tokenize(card('4242 4242 4242 4241'), NOW)).toEqual({ ok: false, errors: { number: 'Check the card number: it has a typo' } });
    expect(await p.tokenize({ ...card(SUCCEEDING_CARD), expYear: 2025 }, NOW)).toMatchObject({ ok: false, errors: { expYear: 'This card has expired' } });
  });

  it('answers a repeated idempotency key with the first outcome, also after reopening', async () => {
    const first = processor();
    const tokenized = await first.processor.tokenize(card(SUCCEEDING_CARD), NOW);
    if (!tokenized.ok) throw new Error('should tokenize');
    const attempt = { token: tokenized.token, amount: 100, currency: 'USD' as const, idempotencyKey: 'same', description: 'x' };
    const charged = await first.processor.charge(attempt);
    expect(await first.processor.charge(attempt)).toEqual(charged);
    first.db.close();
    const reopened = openDb(first.dir);
    try {
      expect(await new SimulatedProcessor(reopened).charge(attempt)).toEqual(charged);
    } finally {
      reopened.close();
    }
  });

  it('stores no card number or security code', async () => {
    const { processor: p, db } = processor();
    await p.tokenize({ ...card(SUCCEEDING_CARD), securityCode: '987' }, NOW);
    const rows = JSON.stringify(db.prepare('SELECT * FROM simulated_cards').all());
    expect(rows).not.toContain(SUCCEEDING_CARD);
    expect(rows).not.toContain('987');
  });

  it('cannot charge a token it never issued', async () => {
    const { processor: p } = processor();
    expect(await p.charge({ token: 'tok_unknown000', amount: 100, currency: 'USD', idempotencyKey: 'k', description: 'x' })).toMatchObject({ ok: false, code: 'unknown_token' });
  });
});
