import { describe, expect, it } from 'vitest';
import { addPaymentMethod } from '../../../lib/commands/add-payment-method';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

const address = { line1: '1 Main St', line2: '', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const input = {
  profileId: 'bp-main',
  number: '5555 5555 5555 4444',
  securityCode: '739',
  expMonth: 11,
  expYear: 2028,
  nameOnCard: 'Maya Okafor',
  address,
  makeDefault: false,
};

describe('addPaymentMethod', () => {
  it('stores the brand, last four digits and expiry, never the number or security code', () => {
    const state = seededState();
    const result = expectOk(addPaymentMethod(state, input, context()));
    expect(applyChanges(state, result.changes).paymentMethods['new-1']).toEqual({
      id: 'new-1',
      profileId: 'bp-main',
      brand: 'mastercard',
      last4: '4444',
      expMonth: 11,
      expYear: 2028,
      nameOnCard: 'Maya Okafor',
      address,
      updatedAt: NOW,
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain('5555555555554444');
    expect(text).not.toContain('5555 5555');
    expect(text).not.toContain('739');
    expect(result.message).toBe('Added Mastercard ending 4444');
  });

  it('makes the card the profile default when asked', () => {
    const state = seededState();
    const result = expectOk(addPaymentMethod(state, { ...input, makeDefault: true }, context()));
    expect(applyChanges(state, result.changes).billingProfiles['bp-main']?.paymentMethodId).toBe('new-1');
    expect(result.message).toBe('Added Mastercard ending 4444 as the payment method of Northwind Labs main');
  });

  it('accepts dashes and a 4-digit amex security code', () => {
    const result = expectOk(addPaymentMethod(seededState(), { ...input, number: '3782-822463-10005', securityCode: '7391' }, context()));
    expect(result.changes[0]).toMatchObject({ fields: { brand: 'amex', last4: '0005' } });
    expect(JSON.stringify(result)).not.toContain('7391');
  });

  it('refuses a number that fails the Luhn check', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, number: '4242 4242 4242 4241' }, context()))).toEqual({
      number: 'Check the card number: it has a typo',
    });
  });

  it('refuses an unknown brand and a wrong length', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, number: '6200000000000005' }, context()))).toEqual({
      number: 'We accept Visa, Mastercard, American Express and Discover',
    });
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, number: '42424242424242' }, context()))).toEqual({
      number: 'Visa card numbers have 13, 16 or 19 digits',
    });
  });

  it('refuses an empty number', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, number: '' }, context()))).toEqual({ number: 'Enter the card number' });
  });

  it('refuses a security code of the wrong length for the brand', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, securityCode: '7391' }, context()))).toEqual({
      securityCode: 'Enter the 3 digit security code',
    });
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, securityCode: '7a' }, context()))).toEqual({
      securityCode: 'Enter the 3 or 4 digit security code',
    });
  });

  it('refuses an expiry in the past, on the month or the year', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, expMonth: 2, expYear: 2026 }, context()))).toEqual({
      expMonth: 'This card has expired',
    });
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, expYear: 2025 }, context()))).toEqual({
      expYear: 'This card has expired',
    });
    expectOk(addPaymentMethod(seededState(), { ...input, expMonth: 3, expYear: 2026 }, context()));
  });

  it('reports every wrong field at once, whether the schema or the card checks find it', () => {
    const errors = errorsOf(addPaymentMethod(seededState(), { ...input, number: '1234', expYear: 2020, nameOnCard: ' ' }, context()));
    expect(Object.keys(errors).sort()).toEqual(['expYear', 'nameOnCard', 'number']);
    // The form: a mistyped number, a 2-digit code and no month, each flagged in one submit.
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, number: '4111 1111 1111 1112', securityCode: '12', expMonth: Number.NaN }, context()))).toEqual({
      number: 'Check the card number: it has a typo',
      securityCode: 'Enter the 3 or 4 digit security code',
      expMonth: 'Choose a month',
    });
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, securityCode: '12', expYear: 2025 }, context()))).toEqual({
      securityCode: 'Enter the 3 digit security code',
      expYear: 'This card has expired',
    });
    const stateErrors = errorsOf(addPaymentMethod(seededState(), { ...input, number: '1234', expYear: 2020 }, context()));
    expect(Object.keys(stateErrors).sort()).toEqual(['expYear', 'number']);
  });

  it('refuses an incomplete address, keyed by the nested field', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, address: { ...address, city: '' } }, context()))).toEqual({
      'address.city': 'Enter the city',
    });
  });

  it('refuses an unknown billing profile', () => {
    expect(errorsOf(addPaymentMethod(seededState(), { ...input, profileId: 'bp-gone' }, context()))).toEqual({
      form: 'This billing profile no longer exists',
    });
  });

  it('says so when the same card is already on the profile, and adds nothing', () => {
    const state = seededState();
    const visa = state.paymentMethods['pm-visa']!;
    const again = { ...input, number: '4242 4242 4242 4242', expMonth: visa.expMonth, expYear: visa.expYear };
    expect(errorsOf(addPaymentMethod(state, again, context()))).toEqual({
      number: `This card is already saved: Visa ending 4242, expires 08/${visa.expYear}`,
    });
    // Another expiry is another card (a reissued one).
    expectOk(addPaymentMethod(state, { ...again, expYear: visa.expYear + 1 }, context()));
  });
});
