import { describe, expect, it } from 'vitest';
import { editPaymentMethod } from '../../../lib/commands/edit-payment-method';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

const address = { line1: '9 Pine St', line2: 'Floor 2', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' };
const input = { paymentMethodId: 'pm-visa', securityCode: '739', expMonth: 12, expYear: 2031, nameOnCard: 'M. Okafor', address };

describe('editPaymentMethod', () => {
  it('changes expiry, name and address and keeps brand and last four', () => {
    const state = seededState();
    const result = expectOk(editPaymentMethod(state, input, context()));
    expect(applyChanges(state, result.changes).paymentMethods['pm-visa']).toMatchObject({
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2031,
      nameOnCard: 'M. Okafor',
      address,
      updatedAt: NOW,
    });
    expect(JSON.stringify(result)).not.toContain('739');
    expect(result.message).toBe('Updated Visa ending 4242');
  });

  it('requires the security code and checks its length for the brand', () => {
    const { securityCode: _, ...withoutCode } = input;
    expect(errorsOf(editPaymentMethod(seededState(), withoutCode, context()))).toHaveProperty('securityCode');
    expect(errorsOf(editPaymentMethod(seededState(), { ...input, securityCode: '7391' }, context()))).toEqual({
      securityCode: 'Enter the 3 digit security code',
    });
  });

  it('refuses an expiry in the past', () => {
    expect(errorsOf(editPaymentMethod(seededState(), { ...input, expMonth: 1, expYear: 2026 }, context()))).toEqual({
      expMonth: 'This card has expired',
    });
  });

  it('refuses a missing name and an invalid month', () => {
    expect(errorsOf(editPaymentMethod(seededState(), { ...input, nameOnCard: '' }, context()))).toEqual({
      nameOnCard: 'Enter the name on the card',
    });
    expect(errorsOf(editPaymentMethod(seededState(), { ...input, expMonth: 13 }, context()))).toEqual({ expMonth: 'Choose a month' });
  });

  it('refuses an unknown payment method', () => {
    expect(errorsOf(editPaymentMethod(seededState(), { ...input, paymentMethodId: 'pm-gone' }, context()))).toEqual({
      form: 'This payment method no longer exists',
    });
  });
});
