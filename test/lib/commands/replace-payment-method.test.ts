import { describe, expect, it } from 'vitest';
import { replacePaymentMethod } from '../../../lib/commands/replace-payment-method';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

const address = { line1: '1 Main St', line2: '', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const input = {
  paymentMethodId: 'pm-visa',
  number: '6011 1111 1111 1117',
  securityCode: '739',
  expMonth: 1,
  expYear: 2030,
  nameOnCard: 'Maya Okafor',
  address,
};

describe('replacePaymentMethod', () => {
  it('puts the new card under the same id, so subscriptions keep pointing at it', () => {
    const state = seededState();
    const result = expectOk(replacePaymentMethod(state, input, context()));
    const after = applyChanges(state, result.changes);
    expect(after.paymentMethods['pm-visa']).toEqual({
      id: 'pm-visa',
      profileId: 'bp-main',
      brand: 'discover',
      last4: '1117',
      expMonth: 1,
      expYear: 2030,
      nameOnCard: 'Maya Okafor',
      address,
      updatedAt: NOW,
    });
    expect(Object.keys(after.paymentMethods)).toEqual(['pm-visa']);
    expect(after.subscriptions['sub-chat']?.paymentMethodId).toBe('pm-visa');
    expect(result.message).toBe('Replaced Visa ending 4242 with Discover ending 1117');
  });

  it('never carries the number or security code', () => {
    const text = JSON.stringify(replacePaymentMethod(seededState(), input, context()));
    expect(text).not.toContain('6011111111111117');
    expect(text).not.toContain('6011 1111');
    expect(text).not.toContain('739');
  });

  it('refuses a bad number, security code and past expiry', () => {
    expect(errorsOf(replacePaymentMethod(seededState(), { ...input, number: '6011 1111 1111 1118' }, context()))).toEqual({
      number: 'Check the card number: it has a typo',
    });
    expect(errorsOf(replacePaymentMethod(seededState(), { ...input, securityCode: '7391' }, context()))).toEqual({
      securityCode: 'Enter the 3 digit security code',
    });
    expect(errorsOf(replacePaymentMethod(seededState(), { ...input, expYear: 2024 }, context()))).toEqual({
      expYear: 'This card has expired',
    });
  });

  it('refuses an unknown payment method', () => {
    expect(errorsOf(replacePaymentMethod(seededState(), { ...input, paymentMethodId: 'pm-gone' }, context()))).toEqual({
      form: 'This payment method no longer exists',
    });
  });
});
