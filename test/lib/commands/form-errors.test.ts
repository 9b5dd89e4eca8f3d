import { describe, expect, it } from 'vitest';
import { otherErrors } from '../../../lib/commands/form-errors';

describe('otherErrors', () => {
  it('keeps what no field of the form shows, once each: the form error and keys of fields it does not have', () => {
    const errors = { total: 'Enter a number', 'address.city': 'Enter a city', form: 'The server is offline', card: 'The server is offline' };
    expect(otherErrors(errors, ['total', 'address'])).toEqual(['The server is offline']);
    expect(otherErrors(errors, ['total'])).toEqual(['Enter a city', 'The server is offline']);
  });
});
