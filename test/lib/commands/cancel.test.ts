import { describe, expect, it } from 'vitest';
import { cancel } from '../../../lib/commands/cancel';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

describe('cancel', () => {
  it('marks the subscription canceled with the reason and keeps it until renewsOn', () => {
    const state = seededState();
    const input = { subscriptionId: 'sub-chat', reason: 'too_expensive', feedback: '  Budget cuts  ' };
    const result = expectOk(cancel(state, input, context()));
    expect(applyChanges(state, result.changes).subscriptions['sub-chat']).toMatchObject({
      status: 'canceled',
      renewsOn: '2026-03-27',
      cancellation: { reason: 'too_expensive', feedback: 'Budget cuts', canceledAt: NOW },
    });
    expect(result.message).toBe('Canceled Contoso Chat. It stays usable until Mar 27, 2026.');
  });

  it('refuses a reason outside the list', () => {
    expect(errorsOf(cancel(seededState(), { subscriptionId: 'sub-chat', reason: 'bored', feedback: '' }, context()))).toEqual({
      reason: 'Pick a reason',
    });
  });

  it('refuses feedback longer than 1,000 characters', () => {
    const input = { subscriptionId: 'sub-chat', reason: 'other', feedback: 'x'.repeat(1001) };
    expect(errorsOf(cancel(seededState(), input, context()))).toEqual({ feedback: 'Feedback can be at most 1,000 characters' });
  });

  it('refuses subscriptions that are not active', () => {
    expect(errorsOf(cancel(seededState(), { subscriptionId: 'sub-whiteboard', reason: 'other', feedback: '' }, context()))).toEqual({
      form: 'This subscription is already canceled',
    });
    expect(errorsOf(cancel(seededState(), { subscriptionId: 'sub-pdf', reason: 'other', feedback: '' }, context()))).toEqual({
      form: 'This subscription is already expired',
    });
  });

  it('refuses an unknown subscription', () => {
    expect(errorsOf(cancel(seededState(), { subscriptionId: 'sub-gone', reason: 'other', feedback: '' }, context()))).toHaveProperty('form');
  });
});
