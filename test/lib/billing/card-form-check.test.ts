import { describe, expect, it } from 'vitest';
import { cardFieldValid, settleCardErrors, type CardFormValues } from '../../../lib/billing/card-form-check';

const NOW = '2026-03-15T12:00:00.000Z';
const good: CardFormValues = {
  number: '4242 4242 4242 4242',
  securityCode: '123',
  expMonth: '8',
  expYear: '2028',
  nameOnCard: 'Maya Okafor',
  address: { line1: '1 Main St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
};

describe('cardFieldValid', () => {
  it('checks each field as the commands do', () => {
    for (const field of ['number', 'securityCode', 'expMonth', 'expYear', 'nameOnCard', 'address.line1', 'address.city', 'address.postalCode', 'address.country']) {
      expect(cardFieldValid(field, good, NOW), field).toBe(true);
    }
    expect(cardFieldValid('number', { ...good, number: '4242 4242 4242 4241' }, NOW)).toBe(false);
    expect(cardFieldValid('securityCode', { ...good, securityCode: '1234' }, NOW)).toBe(false);
    expect(cardFieldValid('securityCode', { ...good, number: '3782 822463 10005', securityCode: '1234' }, NOW)).toBe(true);
    expect(cardFieldValid('securityCode', { ...good, number: undefined, securityCode: '1234' }, NOW)).toBe(true);
    expect(cardFieldValid('expMonth', { ...good, expMonth: '' }, NOW)).toBe(false);
    expect(cardFieldValid('expMonth', { ...good, expMonth: '2', expYear: '2026' }, NOW)).toBe(false);
    expect(cardFieldValid('nameOnCard', { ...good, nameOnCard: '  ' }, NOW)).toBe(false);
    expect(cardFieldValid('address.country', { ...good, address: { ...good.address, country: '' } }, NOW)).toBe(false);
  });
});

describe('settleCardErrors', () => {
  const errors = { number: 'Check the card number: it has a typo', securityCode: 'Enter the 3 digit security code', expMonth: 'Choose a month', nameOnCard: 'Enter the name on the card' };
  const bad: CardFormValues = { ...good, number: '4242 4242 4242 4241', securityCode: '12', expMonth: '', nameOnCard: '' };

  it('clears each error as soon as its field is valid, and only that one', () => {
    const fixedNumber = { ...bad, number: good.number };
    expect(settleCardErrors(errors, bad, fixedNumber, NOW)).toEqual({ securityCode: errors.securityCode, expMonth: errors.expMonth, nameOnCard: errors.nameOnCard });
    const fixedCode = { ...fixedNumber, securityCode: '123' };
    expect(Object.keys(settleCardErrors(errors, fixedNumber, fixedCode, NOW))).toEqual(['number', 'expMonth', 'nameOnCard']);
    expect(Object.keys(settleCardErrors(errors, bad, { ...bad, expMonth: '8' }, NOW))).toEqual(['number', 'securityCode', 'nameOnCard']);
  });

  it('keeps an error while its field is still wrong, and one its field did not change (the same card saved)', () => {
    expect(settleCardErrors(errors, bad, { ...bad, number: '4242 4242 4242 424' }, NOW)).toEqual(errors);
    const saved = { number: 'This card is already saved: Visa ending 4242, expires 08/2028' };
    expect(settleCardErrors(saved, good, { ...good, nameOnCard: 'M. Okafor' }, NOW)).toEqual(saved);
    expect(settleCardErrors(saved, good, { ...good, number: '5555 5555 5555 4444' }, NOW)).toEqual({});
  });

  it('reconsiders the security code when the number changes its brand', () => {
    const amexCode = { securityCode: 'Enter the 3 digit security code' };
    const typed = { ...good, securityCode: '1234' };
    expect(settleCardErrors(amexCode, typed, { ...typed, number: '3782 822463 10005' }, NOW)).toEqual({});
  });

  it('clears an address error by its nested key', () => {
    const noCity = { ...good, address: { ...good.address, city: '' } };
    expect(settleCardErrors({ 'address.city': 'Enter the city' }, noCity, good, NOW)).toEqual({});
  });
});
