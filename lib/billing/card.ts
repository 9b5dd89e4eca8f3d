import type { IsoDateTime } from '../dates';
import type { FieldErrors } from '../commands/result';
import type { CardBrand } from './schemas';

export const BRAND_LABELS: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

const BRAND_LENGTHS: Record<CardBrand, readonly number[]> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  discover: [16],
};

export type CardNumberCheck = { ok: true; brand: CardBrand; last4: string } | { ok: false; message: string };

/** Recognizes the brand by its issuer prefix, before the length is known to be right. */
export function detectBrand(digits: string): CardBrand | undefined {
  const first2 = Number(digits.slice(0, 2));
  const first3 = Number(digits.slice(0, 3));
  const first4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'visa';
  if ((first2 >= 51 && first2 <= 55) || (first4 >= 2221 && first4 <= 2720)) return 'mastercard';
  if (first2 === 34 || first2 === 37) return 'amex';
  if (first4 === 6011 || first2 === 65 || (first3 >= 644 && first3 <= 649)) return 'discover';
  return undefined;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Accepts the number as people type it, with spaces or dashes between the groups. */
export function checkCardNumber(number: string): CardNumberCheck {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, message: 'Use only digits, spaces or dashes' };
  const brand = detectBrand(digits);
  if (!brand) return { ok: false, message: 'We accept Visa, Mastercard, American Express and Discover' };
  const lengths = BRAND_LENGTHS[brand];
  if (!lengths.includes(digits.length)) {
    return { ok: false, message: `${BRAND_LABELS[brand]} card numbers have ${lengths.join(', ').replace(/, (\d+)$/, ' or $1')} digits` };
  }
  if (!passesLuhn(digits)) return { ok: false, message: 'Check the card number: it has a typo' };
  return { ok: true, brand, last4: digits.slice(-4) };
}

export function securityCodeError(code: string, brand: CardBrand): string | undefined {
  const length = brand === 'amex' ? 4 : 3;
  return code.length === length ? undefined : `Enter the ${length} digit security code`;
}

/** A card is good through the last day of its expiry month. */
export function isExpired(card: { expMonth: number; expYear: number }, now: IsoDateTime): boolean {
  const [year, month] = now.split('-').map(Number) as [number, number];
  return card.expYear < year || (card.expYear === year && card.expMonth < month);
}

/** Puts the error on the part of the date that is wrong: the year when it is past, else the month. */
export function expiryErrors(card: { expMonth: number; expYear: number }, now: IsoDateTime): FieldErrors {
  if (!isExpired(card, now)) return {};
  const year = Number(now.slice(0, 4));
  return card.expYear < year ? { expYear: 'This card has expired' } : { expMonth: 'This card has expired' };
}

export interface CardEntry {
  number: string;
  securityCode: string;
  expMonth: number;
  expYear: number;
}

/** Checks everything about a newly entered card at once, so every wrong field shows its error together. */
export function checkCardEntry(
  card: CardEntry,
  now: IsoDateTime,
): { ok: true; brand: CardBrand; last4: string } | { ok: false; errors: FieldErrors } {
  const number = checkCardNumber(card.number);
  const errors: FieldErrors = expiryErrors(card, now);
  if (!number.ok) errors.number = number.message;
  const codeError = number.ok ? securityCodeError(card.securityCode, number.brand) : undefined;
  if (codeError) errors.securityCode = codeError;
  if (!number.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, brand: number.brand, last4: number.last4 };
}

/**
 * `checkCardEntry` on an input that failed its schema (a missing month, a 2-digit code): the checks
 * whose fields have the right types still run, so the number and expiry are reported together with
 * what the schema found, not on the next submit.
 */
export function cardEntryErrors(input: unknown, now: IsoDateTime): FieldErrors {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const { number, securityCode, expMonth, expYear } = raw;
  const errors: FieldErrors = Number.isInteger(expMonth) && Number.isInteger(expYear) ? expiryErrors({ expMonth: expMonth as number, expYear: expYear as number }, now) : {};
  if (typeof number !== 'string' || number === '') return errors;
  const checked = checkCardNumber(number);
  if (!checked.ok) errors.number = checked.message;
  else if (typeof securityCode === 'string' && /^\d*$/.test(securityCode)) {
    const codeError = securityCodeError(securityCode, checked.brand);
    if (codeError) errors.securityCode = codeError;
  }
  return errors;
}
