import { describe, expect, it } from 'vitest';
import { payWithCard, retryPayment } from '../../../lib/commands/pay-again';
import type { CommandContext } from '../../../lib/commands/result';
import { context, errorsOf, expectOk, NOW, seededState } from './fixture';

const failed = (ids: string[] = ['sub-chat']): CommandContext => ({ ...context(NOW, 'server'), paymentFailed: (id) => ids.includes(id) });

describe('retryPayment', () => {
  it('asks the server to pay a failed charge again, now', () => {
    const result = expectOk(retryPayment(seededState(), { subscriptionId: 'sub-chat' }, failed()));
    expect(result.changes).toEqual([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { paymentRetry: NOW } }]);
    expect(result.message).toBe('Trying the payment for Contoso Chat again…');
  });

  it('refuses when the payment has not failed, when asked again within a minute, or in the demo', () => {
    expect(errorsOf(retryPayment(seededState(), { subscriptionId: 'sub-chat' }, failed([])))).toEqual({ form: 'The payment of this subscription has not failed' });
    const state = seededState();
    state.subscriptions['sub-chat']!.paymentRetry = '2026-03-15T11:59:30.000Z';
    expect(errorsOf(retryPayment(state, { subscriptionId: 'sub-chat' }, failed())).form).toMatch(/wait a minute/);
    expect(errorsOf(retryPayment(seededState(), { subscriptionId: 'sub-chat' }, { ...failed(), billing: 'local' })).form).toMatch(/sign in/);
  });
});

describe('payWithCard', () => {
  it('moves the subscription to a card the server can charge and asks to pay again', () => {
    const state = seededState();
    const card = Object.values(state.paymentMethods)[0]!;
    card.cardRef = 'card_Abcdefgh1234';
    const result = expectOk(payWithCard(state, { subscriptionId: 'sub-chat', paymentMethodId: card.id }, failed()));
    expect(result.changes).toEqual([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { paymentMethodId: card.id, paymentRetry: NOW } }]);
  });

  it('refuses a card without a server reference, an expired one, or one that is gone', () => {
    const state = seededState();
    const card = Object.values(state.paymentMethods)[0]!;
    delete card.cardRef;
    expect(errorsOf(payWithCard(state, { subscriptionId: 'sub-chat', paymentMethodId: card.id }, failed())).paymentMethodId).toMatch(/cannot be charged/);
    Object.assign(card, { cardRef: 'card_Abcdefgh1234', expMonth: 1, expYear: 2026 });
    expect(errorsOf(payWithCard(state, { subscriptionId: 'sub-chat', paymentMethodId: card.id }, failed())).paymentMethodId).toBe('This card has expired');
    expect(errorsOf(payWithCard(state, { subscriptionId: 'sub-chat', paymentMethodId: 'pm-gone' }, failed())).paymentMethodId).toBe('This card no longer exists');
  });
});
