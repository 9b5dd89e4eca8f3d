import { describe, expect, it } from 'vitest';
import { buy } from '../../../lib/commands/buy';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

const input = { productId: 'prod-chat', licenses: 5, term: 'monthly', paymentMethodId: 'pm-visa' };

describe('buy', () => {
  it('creates an active subscription and charges the first term with tax', () => {
    const state = seededState();
    const result = expectOk(buy(state, input, context()));
    const after = applyChanges(state, result.changes);

    expect(after.subscriptions['new-1']).toEqual({
      id: 'new-1',
      productId: 'prod-chat',
      productName: 'Contoso Chat',
      purchaserId: 'person-01',
      licenses: 5,
      assigned: {},
      term: 'monthly',
      status: 'active',
      startedOn: '2026-03-15',
      renewsOn: '2026-04-15',
      unitPrice: 1250,
      currency: 'USD',
      paymentMethodId: 'pm-visa',
    });
    expect(after.invoices['new-2']).toMatchObject({
      number: 'SK-000021',
      issuedOn: '2026-03-15',
      periodStart: '2026-03-15',
      periodEnd: '2026-04-15',
      billingProfileId: 'bp-main',
      subtotal: 6250,
      tax: 516,
      total: 6766,
      status: 'paid',
    });
    expect(result.message).toBe('Bought 5 licenses of Contoso Chat');
  });

  it('uses the annual price and renews in twelve months', () => {
    const result = expectOk(buy(seededState(), { ...input, term: 'annual', licenses: 2 }, context()));
    expect(result.changes[0]).toMatchObject({ fields: { unitPrice: 12_000, renewsOn: '2027-03-15' } });
    expect(result.changes[1]).toMatchObject({ fields: { subtotal: 24_000, tax: 1980, total: 25_980 } });
  });

  it('refuses products that are not self-service', () => {
    expect(errorsOf(buy(seededState(), { ...input, productId: 'prod-analytics' }, context()))).toEqual({
      productId: "Adatum Analytics can't be bought here. Contact your sales representative.",
    });
  });

  it('refuses products outside the catalog', () => {
    expect(errorsOf(buy(seededState(), { ...input, productId: 'prod-nope' }, context()))).toHaveProperty('productId');
  });

  it('refuses zero licenses and more than the product allows', () => {
    expect(errorsOf(buy(seededState(), { ...input, licenses: 0 }, context()))).toEqual({ licenses: 'Buy at least 1 license' });
    expect(errorsOf(buy(seededState(), { ...input, licenses: 501 }, context()))).toEqual({
      licenses: 'You can buy up to 500 licenses of Contoso Chat',
    });
  });

  it('refuses a term that is neither monthly nor annual', () => {
    expect(errorsOf(buy(seededState(), { ...input, term: 'weekly' }, context()))).toHaveProperty('term');
  });

  it('refuses a missing payment method', () => {
    expect(errorsOf(buy(seededState(), { ...input, paymentMethodId: 'pm-gone' }, context()))).toEqual({
      paymentMethodId: 'Choose a payment method',
    });
  });

  it('refuses an expired card', () => {
    const state = seededState();
    state.paymentMethods['pm-visa'] = { ...state.paymentMethods['pm-visa']!, expMonth: 2, expYear: 2026 };
    expect(errorsOf(buy(state, input, context(NOW)))).toEqual({
      paymentMethodId: 'This card has expired. Update it or choose another one.',
    });
  });
});
