import { describe, expect, it } from 'vitest';
import { unassign } from '../../../lib/commands/unassign';
import { applyChanges, context, errorsOf, expectOk, seededState } from './fixture';

describe('unassign', () => {
  it('removes the people from the assigned map', () => {
    const state = seededState();
    const result = expectOk(unassign(state, { subscriptionId: 'sub-chat', personIds: ['person-02', 'person-03'] }, context()));
    expect(result.changes).toEqual([
      { op: 'mapDelete', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', keys: ['person-02', 'person-03'] },
    ]);
    expect(applyChanges(state, result.changes).subscriptions['sub-chat']!.assigned).not.toHaveProperty('person-02');
    expect(result.message).toBe('Unassigned 2 Contoso Chat licenses');
  });

  it('refuses people who are not assigned, by name', () => {
    expect(errorsOf(unassign(seededState(), { subscriptionId: 'sub-chat', personIds: ['person-02', 'person-40'] }, context()))).toEqual({
      personIds: "Ruth Mensah doesn't have a license",
    });
  });

  it('refuses an empty selection', () => {
    expect(errorsOf(unassign(seededState(), { subscriptionId: 'sub-chat', personIds: [] }, context()))).toEqual({
      personIds: 'Select at least one person',
    });
  });

  it('refuses an unknown subscription', () => {
    expect(errorsOf(unassign(seededState(), { subscriptionId: 'sub-gone', personIds: ['person-02'] }, context()))).toEqual({
      form: 'This subscription no longer exists',
    });
  });
});
