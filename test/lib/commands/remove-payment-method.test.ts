import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from '../../../lib/billing/schemas';
import { removePaymentMethod } from '../../../lib/commands/remove-payment-method';
import type { PurchaserState } from '../../../lib/state';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

function withCards(cards: Partial<PaymentMethod>[]): PurchaserState {
  const visa = seededState().paymentMethods['pm-visa']!;
  return applyChanges(
    seededState(),
    cards.map(({ id, ...fields }) => ({ op: 'put', collection: 'paymentMethods', id: id!, fields: { ...visa, ...fields, id } })),
  );
}

describe('removePaymentMethod', () => {
  it('refuses a card that pays running subscriptions, naming them', () => {
    expect(errorsOf(removePaymentMethod(seededState(), { paymentMethodId: 'pm-visa' }, context()))).toEqual({
      form: 'Visa ending 4242 pays Contoso Chat, Litware Notes, Fabrikam Design Studio and Tailspin Whiteboard, so it cannot be removed. Replace it with another card instead; they keep working.',
    });
  });

  it('removes a card nothing runs on', () => {
    const state = withCards([{ id: 'pm-mc', brand: 'mastercard', last4: '4444' }]);
    const result = expectOk(removePaymentMethod(state, { paymentMethodId: 'pm-mc' }, context()));
    expect(result.message).toBe('Removed Mastercard ending 4444');
    const after = applyChanges(state, result.changes);
    expect(after.paymentMethods['pm-mc']).toBeUndefined();
    expect(after.billingProfiles['bp-main']!.paymentMethodId).toBe('pm-visa');
  });

  it('hands the default to the profile’s newest card that can pay, or to none', () => {
    const state = applyChanges(
      withCards([
        { id: 'pm-mc', brand: 'mastercard', last4: '4444', updatedAt: '2026-03-01T00:00:00.000Z', cardRef: 'card_mc00000000' },
        { id: 'pm-old', brand: 'amex', last4: '0005', updatedAt: '2026-03-10T00:00:00.000Z' },
        { id: 'pm-new', brand: 'discover', last4: '1117', updatedAt: '2026-03-15T13:00:00.000Z', cardRef: 'card_new0000000' },
      ]),
      [{ op: 'put', collection: 'billingProfiles', id: 'bp-main', fields: { paymentMethodId: 'pm-mc' } }],
    );
    const local = expectOk(removePaymentMethod(state, { paymentMethodId: 'pm-mc' }, context()));
    expect(applyChanges(state, local.changes).billingProfiles['bp-main']!.paymentMethodId).toBe('pm-new');
    expect(local.message).toBe('Removed Mastercard ending 4444; Discover ending 1117 is now the default');
    // Signed in, a card without a token never becomes the default.
    const noTokens = applyChanges(state, [
      { op: 'unset', collection: 'paymentMethods', id: 'pm-new', field: 'cardRef' },
      { op: 'put', collection: 'paymentMethods', id: 'pm-visa', fields: { cardRef: 'card_visa0000000' } },
    ]);
    const server = expectOk(removePaymentMethod(noTokens, { paymentMethodId: 'pm-mc' }, context(NOW, 'server')));
    const after = applyChanges(noTokens, server.changes);
    expect(after.billingProfiles['bp-main']!.paymentMethodId).toBe('pm-visa');
  });

  it('leaves the profile without a default when no other card can pay', () => {
    const state = applyChanges(withCards([{ id: 'pm-mc', brand: 'mastercard', last4: '4444' }]), [
      { op: 'put', collection: 'billingProfiles', id: 'bp-main', fields: { paymentMethodId: 'pm-mc' } },
      { op: 'remove', collection: 'paymentMethods', id: 'pm-visa' },
    ]);
    const result = expectOk(removePaymentMethod(state, { paymentMethodId: 'pm-mc' }, context()));
    expect(applyChanges(state, result.changes).billingProfiles['bp-main']).not.toHaveProperty('paymentMethodId');
  });

  it('says so for a card that is gone', () => {
    expect(errorsOf(removePaymentMethod(seededState(), { paymentMethodId: 'pm-gone' }, context()))).toEqual({ form: 'This payment method no longer exists' });
  });
});
