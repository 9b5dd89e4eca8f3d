import { describe, expect, it } from 'vitest';
import { checkCardEntry, checkCardNumber, detectBrand, isExpired, passesLuhn, securityCodeError } from '../../../lib/billing/card';

describe('detectBrand', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['5105105105105100', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720000000000005', 'mastercard'],
    ['340000000000009', 'amex'],
    ['378282246310005', 'amex'],
    ['6011000000000004', 'discover'],
    ['6440000000000005', 'discover'],
    ['6490000000000002', 'discover'],
    ['6500000000000002', 'discover'],
  ])('%s is %s', (digits, brand) => {
    expect(detectBrand(digits)).toBe(brand);
  });

  it.each(['2220999999999999', '2721000000000000', '5600000000000000', '6430000000000000', '3530111333300000'])('%s is unknown', (digits) => {
    expect(detectBrand(digits)).toBeUndefined();
  });
});

describe('passesLuhn', () => {
  it('accepts valid numbers and rejects a changed digit', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});

describe('checkCardNumber', () => {
  it('returns brand and last four for every accepted length', () => {
    expect(checkCardNumber('4000000000006')).toEqual({ ok: true, brand: 'visa', last4: '0006' });
    expect(checkCardNumber('4242 4242 4242 4242')).toEqual({ ok: true, brand: 'visa', last4: '4242' });
    expect(checkCardNumber('4000-0000-0000-0000-006')).toEqual({ ok: true, brand: 'visa', last4: '0006' });
    expect(checkCardNumber('3782 822463 10005')).toEqual({ ok: true, brand: 'amex', last4: '0005' });
  });

  it('explains what is wrong', () => {
    expect(checkCardNumber('4242.4242')).toEqual({ ok: false, message: 'Use only digits, spaces or dashes' });
    expect(checkCardNumber('9999 9999 9999 9995')).toEqual({ ok: false, message: 'We accept Visa, Mastercard, American Express and Discover' });
    expect(checkCardNumber('5555 5555 5555 444')).toEqual({ ok: false, message: 'Mastercard card numbers have 16 digits' });
    expect(checkCardNumber('3782 8224 6310 0005')).toEqual({ ok: false, message: 'American Express card numbers have 15 digits' });
    expect(checkCardNumber('5555 5555 5555 4445')).toEqual({ ok: false, message: 'Check the card number: it has a typo' });
  });
});

describe('securityCodeError', () => {
  it('wants 4 digits for amex and 3 for the others', () => {
    expect(securityCodeError('1234', 'amex')).toBeUndefined();
    expect(securityCodeError('123', 'amex')).toBe('Enter the 4 digit security code');
    expect(securityCodeError('123', 'discover')).toBeUndefined();
    expect(securityCodeError('1234', 'visa')).toBe('Enter the 3 digit security code');
  });
});

describe('isExpired', () => {
  const now = '2026-03-15T12:00:00.000Z';
  it('keeps a card good through the last day of its month', () => {
    expect(isExpired({ expMonth: 3, expYear: 2026 }, now)).toBe(false);
    expect(isExpired({ expMonth: 2, expYear: 2026 }, now)).toBe(true);
    expect(isExpired({ expMonth: 12, expYear: 2025 }, now)).toBe(true);
    expect(isExpired({ expMonth: 1, expYear: 2027 }, now)).toBe(false);
  });
});

describe('checkCardEntry', () => {
  it('collects number, code and expiry errors together', () => {
    const result = checkCardEntry({ number: '378282246310005', securityCode: '123', expMonth: 1, expYear: 2026 }, '2026-03-15T12:00:00.000Z');
    expect(result).toEqual({ ok: false, errors: { expMonth: 'This card has expired', securityCode: 'Enter the 4 digit security code' } });
  });
});
