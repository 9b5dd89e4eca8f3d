import { describe, expect, it } from 'vitest';
import { setLicenses } from '../../../lib/commands/set-licenses';
import { applyChanges, context, errorsOf, expectOk, seededState } from './fixture';

/** sub-chat moved into a 30-day term (Mar 31 → Apr 30) seen on Apr 15: 15 of 30 days left. */
const MID_TERM = '2026-04-15T09:00:00.000Z';
function midTermState() {
  const state = seededState();
  state.subscriptions['sub-chat'] = { ...state.subscriptions['sub-chat']!, startedOn: '2026-03-31', renewsOn: '2026-04-30' };
  return state;
}

describe('setLicenses', () => {
  it('charges 100 → 105 licenses of $12.50/month for 15 of 30 days: $31.25 + $2.58 tax', () => {
    const state = midTermState();
    const result = expectOk(setLicenses(state, { subscriptionId: 'sub-chat', total: 105 }, context(MID_TERM)));
    const after = applyChanges(state, result.changes);

    expect(after.subscriptions['sub-chat']?.licenses).toBe(105);
    expect(after.invoices['new-1']).toEqual({
      id: 'new-1',
      number: 'SK-000021',
      issuedOn: '2026-04-15',
      periodStart: '2026-04-15',
      periodEnd: '2026-04-30',
      billingProfileId: 'bp-main',
      lines: [
        { description: 'Contoso Chat, 5 licenses added for 15 of 30 days', subscriptionId: 'sub-chat', quantity: 5, amount: 3125, productName: 'Contoso Chat' },
      ],
      subtotal: 3125,
      tax: 258,
      total: 3383,
      currency: 'USD',
      status: 'paid',
      taxRateBps: 825,
      paidWith: { paymentMethodId: 'pm-visa', brand: 'visa', last4: '4242' },
    });
    expect(result.message).toBe('Added 5 licenses to Contoso Chat');
  });

  it('credits 100 → 95 licenses as a negative invoice', () => {
    const state = midTermState();
    const result = expectOk(setLicenses(state, { subscriptionId: 'sub-chat', total: 95 }, context(MID_TERM)));
    expect(applyChanges(state, result.changes).invoices['new-1']).toMatchObject({
      lines: [{ quantity: -5, amount: -3125 }],
      subtotal: -3125,
      tax: -258,
      total: -3383,
      status: 'credit',
    });
    expect(result.message).toBe('Removed 5 licenses from Contoso Chat');
  });

  it('issues no invoice when no day of the term is left to prorate', () => {
    const state = midTermState();
    const result = expectOk(setLicenses(state, { subscriptionId: 'sub-chat', total: 101 }, context('2026-04-30T08:00:00.000Z')));
    expect(result.changes).toEqual([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 101 } }]);
  });

  it('refuses to go below the number of assigned people', () => {
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-chat', total: 10 }, context()))).toEqual({
      total: '12 people have licenses. Unassign 2 of them first, or keep at least 12 licenses.',
    });
  });

  it('allows exactly the number of assigned people', () => {
    expectOk(setLicenses(seededState(), { subscriptionId: 'sub-chat', total: 12 }, context()));
  });

  it('refuses an unchanged total', () => {
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-chat', total: 100 }, context()))).toEqual({
      total: 'You already have 100 licenses. Enter a different total.',
    });
  });

  it('refuses more than the product maximum', () => {
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-chat', total: 501 }, context()))).toEqual({
      total: 'You can have up to 500 licenses of Contoso Chat',
    });
  });

  it('refuses a total below 1 or not a whole number', () => {
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-chat', total: 0 }, context()))).toEqual({
      total: 'Keep at least 1 license, or cancel the subscription',
    });
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-chat', total: 10.5 }, context()))).toHaveProperty('total');
  });

  it('refuses canceled and expired subscriptions', () => {
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-whiteboard', total: 20 }, context()))).toEqual({
      form: 'This subscription is canceled. Reactivate it to change its licenses.',
    });
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-pdf', total: 6 }, context()))).toEqual({
      form: 'This subscription is expired. Reactivate it to change its licenses.',
    });
  });

  it('refuses an unknown subscription', () => {
    expect(errorsOf(setLicenses(seededState(), { subscriptionId: 'sub-gone', total: 6 }, context()))).toEqual({
      form: 'This subscription no longer exists',
    });
  });

  it('refuses to charge an expired card but still credits to it', () => {
    const state = midTermState();
    state.paymentMethods['pm-visa'] = { ...state.paymentMethods['pm-visa']!, expMonth: 3, expYear: 2026 };
    expect(errorsOf(setLicenses(state, { subscriptionId: 'sub-chat', total: 105 }, context(MID_TERM)))).toEqual({
      form: 'The card that pays for this subscription has expired. Update it first.',
    });
    expectOk(setLicenses(state, { subscriptionId: 'sub-chat', total: 95 }, context(MID_TERM)));
  });

  it('refuses when the paying card is gone', () => {
    const state = seededState();
    delete state.paymentMethods['pm-visa'];
    expect(errorsOf(setLicenses(state, { subscriptionId: 'sub-chat', total: 105 }, context()))).toHaveProperty('form');
  });
});
