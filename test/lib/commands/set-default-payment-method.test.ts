import { describe, expect, it } from 'vitest';
import { setDefaultPaymentMethod } from '../../../lib/commands/set-default-payment-method';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

const visa = () => seededState().paymentMethods['pm-visa']!;
const withMastercard = (fields: Record<string, unknown> = {}) =>
  applyChanges(seededState(), [{ op: 'put', collection: 'paymentMethods', id: 'pm-mc', fields: { ...visa(), id: 'pm-mc', brand: 'mastercard', last4: '4444', ...fields } }]);

describe('setDefaultPaymentMethod', () => {
  it('makes the card pay its billing profile’s invoices', () => {
    const state = withMastercard();
    const result = expectOk(setDefaultPaymentMethod(state, { paymentMethodId: 'pm-mc' }, context()));
    expect(result.message).toBe('Mastercard ending 4444 is now the default for Northwind Labs main');
    expect(applyChanges(state, result.changes).billingProfiles['bp-main']!.paymentMethodId).toBe('pm-mc');
  });

  it('refuses the default again, an expired card, and signed in a card the server cannot charge', () => {
    expect(errorsOf(setDefaultPaymentMethod(seededState(), { paymentMethodId: 'pm-visa' }, context()))).toEqual({ form: 'Visa ending 4242 is already the default' });
    expect(errorsOf(setDefaultPaymentMethod(withMastercard({ expYear: 2025 }), { paymentMethodId: 'pm-mc' }, context()))).toEqual({ form: 'Mastercard ending 4444 has expired. Update it first.' });
    expect(errorsOf(setDefaultPaymentMethod(withMastercard(), { paymentMethodId: 'pm-mc' }, context(NOW, 'server')))).toEqual({
      form: 'Mastercard ending 4444 was added without the sync server and cannot be charged. Replace it while online first.',
    });
    expectOk(setDefaultPaymentMethod(withMastercard({ cardRef: 'card_mc00000000' }), { paymentMethodId: 'pm-mc' }, context(NOW, 'server')));
  });
});
