import type { IsoDateTime } from '../dates';
import type { FieldErrors } from '../commands/result';
import { checkCardNumber, detectBrand, isExpired } from './card';

/** A card form's values as typed: every field a string (the number only where the form has it). */
export interface CardFormValues {
  number?: string;
  securityCode: string;
  expMonth: string;
  expYear: string;
  nameOnCard: string;
  address: { line1: string; line2: string; city: string; region: string; postalCode: string; country: string };
}

const REQUIRED_ADDRESS = ['line1', 'city', 'postalCode', 'country'] as const;

/** The values each field's check reads: a field's error is reconsidered only when one of them changes. */
function dependsOn(field: string): (keyof CardFormValues | `address.${string}`)[] {
  if (field === 'securityCode') return ['securityCode', 'number'];
  if (field === 'expMonth' || field === 'expYear') return ['expMonth', 'expYear'];
  if (field.startsWith('address.')) return [field as `address.${string}`];
  return [field as keyof CardFormValues];
}

function valueOf(values: CardFormValues, key: string): string | undefined {
  if (key.startsWith('address.')) return values.address[key.slice('address.'.length) as keyof CardFormValues['address']];
  return values[key as Exclude<keyof CardFormValues, 'address'>];
}

/** Whether the field, as typed, passes what the commands check of it alone (not whether the card is already saved). */
export function cardFieldValid(field: string, values: CardFormValues, now: IsoDateTime): boolean {
  switch (field) {
    case 'number':
      return values.number !== undefined && checkCardNumber(values.number).ok;
    case 'securityCode': {
      const brand = values.number === undefined ? undefined : detectBrand(values.number.replace(/[\s-]/g, ''));
      const lengths = brand === 'amex' ? [4] : brand ? [3] : [3, 4];
      return /^\d+$/.test(values.securityCode) && lengths.includes(values.securityCode.length);
    }
    case 'expMonth':
    case 'expYear': {
      const expMonth = Number(values.expMonth);
      const expYear = Number(values.expYear);
      return values.expMonth !== '' && values.expYear !== '' && !isExpired({ expMonth, expYear }, now);
    }
    case 'nameOnCard':
      return values.nameOnCard.trim().length > 0 && values.nameOnCard.trim().length <= 100;
    default: {
      const part = field.slice('address.'.length);
      if (!field.startsWith('address.') || !(REQUIRED_ADDRESS as readonly string[]).includes(part)) return false;
      const value = valueOf(values, field)!.trim();
      return part === 'country' ? /^[A-Z]{2}$/.test(value) : value.length > 0;
    }
  }
}

/**
 * The errors still true after an edit from `before` to `after`: a field's error goes as soon as a
 * value it depends on changed and the field passes its own check. Errors this cannot judge (the
 * same card already saved, the form's) stay until the next submit, unless their field changed and passes.
 */
export function settleCardErrors(errors: FieldErrors, before: CardFormValues, after: CardFormValues, now: IsoDateTime): FieldErrors {
  const kept: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const changed = dependsOn(field).some((key) => valueOf(before, key) !== valueOf(after, key));
    if (changed && cardFieldValid(field, after, now)) continue;
    kept[field] = message;
  }
  return kept;
}
