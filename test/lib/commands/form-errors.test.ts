import { describe, expect, it } from 'vitest';
import { liveErrors, otherErrors } from '../../../lib/commands/form-errors';

describe('otherErrors', () => {
  it('keeps what no field of the form shows, once each: the form error and keys of fields it does not have', () => {
    const errors = { total: 'Enter a number', 'address.city': 'Enter a city', form: 'The server is offline', card: 'The server is offline' };
    expect(otherErrors(errors, ['total', 'address'])).toEqual(['The server is offline']);
    expect(otherErrors(errors, ['total'])).toEqual(['Enter a city', 'The server is offline']);
  });
});

describe('liveErrors', () => {
  const shown = { licenses: 'Enter a whole number of licenses', productId: 'Choose a product', form: 'Try again' };
  const shownFor = { licenses: '', productId: '', term: 'monthly' };

  it('drops the error of a field that changed and is valid now, keeps the others', () => {
    const values = { ...shownFor, licenses: '3' };
    expect(liveErrors(shown, shownFor, values, { productId: 'Choose a product' })).toEqual({
      productId: 'Choose a product',
      form: 'Try again',
    });
  });

  it('shows the check’s message while the field is still wrong', () => {
    const values = { ...shownFor, licenses: '101' };
    const problems = { licenses: 'You can buy up to 100 licenses of Proseware PDF Editor' };
    expect(liveErrors(shown, shownFor, values, problems).licenses).toBe(problems.licenses);
  });

  it('keeps what only the command could tell while the field is unchanged', () => {
    const refused = { paymentMethodId: 'This card was declined' };
    const at = { paymentMethodId: 'pm-1' };
    expect(liveErrors(refused, at, at, {})).toEqual(refused);
    expect(liveErrors(refused, at, { paymentMethodId: 'pm-2' }, {})).toEqual({});
  });

  it('matches item errors to their field', () => {
    const errors = { 'personIds.2': 'Not in your organization' };
    expect(liveErrors(errors, { personIds: ['a', 'b', 'c'] }, { personIds: ['a', 'b'] }, {})).toEqual({});
    expect(liveErrors(errors, { personIds: [] }, { personIds: [] }, { personIds: 'Pick at least one person' })).toEqual({
      personIds: 'Pick at least one person',
    });
  });
});
