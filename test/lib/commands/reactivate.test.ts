import { describe, expect, it } from 'vitest';
import { reactivate } from '../../../lib/commands/reactivate';
import { applyChanges, context, errorsOf, expectOk, seededState } from './fixture';

describe('reactivate', () => {
  it('makes a canceled subscription active again and drops the cancellation', () => {
    const state = seededState();
    const result = expectOk(reactivate(state, { subscriptionId: 'sub-whiteboard' }, context()));
    const sub = applyChanges(state, result.changes).subscriptions['sub-whiteboard'];
    expect(sub?.status).toBe('active');
    expect(sub).not.toHaveProperty('cancellation');
    expect(result.message).toBe('Reactivated Tailspin Whiteboard. It renews on Mar 23, 2026.');
  });

  it('refuses once the canceled term has ended', () => {
    expect(errorsOf(reactivate(seededState(), { subscriptionId: 'sub-whiteboard' }, context('2026-03-23T00:00:00.000Z')))).toEqual({
      form: 'This subscription ended on Mar 23, 2026. Buy it again to keep using it.',
    });
    expect(errorsOf(reactivate(seededState(), { subscriptionId: 'sub-pdf' }, context()))).toHaveProperty('form');
  });

  it('refuses an active subscription', () => {
    expect(errorsOf(reactivate(seededState(), { subscriptionId: 'sub-chat' }, context()))).toEqual({
      form: 'This subscription is already active',
    });
  });

  it('refuses an unknown subscription', () => {
    expect(errorsOf(reactivate(seededState(), { subscriptionId: 'sub-gone' }, context()))).toHaveProperty('form');
  });
});
