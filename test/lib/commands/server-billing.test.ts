import { describe, expect, it } from 'vitest';
import { addPaymentMethod } from '../../../lib/commands/add-payment-method';
import { buy } from '../../../lib/commands/buy';
import { replacePaymentMethod } from '../../../lib/commands/replace-payment-method';
import { setLicenses } from '../../../lib/commands/set-licenses';
import { applyChanges, context, expectOk, NOW, seededState } from './fixture';

/** With a sync server (`billing: 'server'`), commands change subscriptions and cards; the server invoices. */
const server = () => context(NOW, 'server');
const address = { line1: '1 Main St', line2: '', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const card = { number: '4242 4242 4242 4242', securityCode: '739', expMonth: 1, expYear: 2030, nameOnCard: 'Maya Okafor', address };

describe('commands billed by the server', () => {
  it('buy and setLicenses issue no invoice', () => {
    const state = applyChanges(seededState(), [{ op: 'put', collection: 'paymentMethods', id: 'pm-visa', fields: { cardRef: 'card_visa00000000' } }]);
    const bought = expectOk(buy(state, { productId: 'prod-chat', licenses: 3, term: 'monthly', paymentMethodId: 'pm-visa' }, server()));
    expect(bought.changes.map((c) => c.collection)).toEqual(['subscriptions']);
    const changed = expectOk(setLicenses(state, { subscriptionId: 'sub-chat', total: 105 }, server()));
    expect(changed.changes).toEqual([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 105 } }]);
  });

  it('keeps the processor token of a new card with its brand, last 4 and expiry', () => {
    const result = expectOk(addPaymentMethod(seededState(), { ...card, profileId: 'bp-main', makeDefault: false, cardRef: 'card_abcdef123456' }, server()));
    const after = applyChanges(seededState(), result.changes);
    const added = Object.values(after.paymentMethods).find((m) => m.id !== 'pm-visa')!;
    expect(added).toMatchObject({ brand: 'visa', last4: '4242', cardRef: 'card_abcdef123456' });
    expect(JSON.stringify(after)).not.toMatch(/4242 4242|739/);
  });

  it('drops the old card’s token when the replacement has none, and takes the new one when it has', () => {
    const tokened = applyChanges(seededState(), [{ op: 'put', collection: 'paymentMethods', id: 'pm-visa', fields: { cardRef: 'card_old00000000' } }]);
    const untokened = applyChanges(tokened, expectOk(replacePaymentMethod(tokened, { ...card, paymentMethodId: 'pm-visa' }, server())).changes);
    expect(untokened.paymentMethods['pm-visa']).not.toHaveProperty('cardRef');
    const replaced = applyChanges(tokened, expectOk(replacePaymentMethod(tokened, { ...card, paymentMethodId: 'pm-visa', cardRef: 'card_new00000000' }, server())).changes);
    expect(replaced.paymentMethods['pm-visa']).toMatchObject({ cardRef: 'card_new00000000', last4: '4242' });
  });

  it('never buys with a card the server cannot charge (no processor token)', () => {
    expect(buy(seededState(), { productId: 'prod-chat', licenses: 3, term: 'monthly', paymentMethodId: 'pm-visa' }, server())).toEqual({
      ok: false,
      errors: { paymentMethodId: 'This card was added without the sync server and cannot be charged. Choose another one.' },
    });
  });
});
