import { describe, expect, it } from 'vitest';
import { assign } from '../../../lib/commands/assign';
import { applyChanges, context, errorsOf, expectOk, NOW, seededState } from './fixture';

describe('assign', () => {
  it('adds people to the assigned map with the time of assignment', () => {
    const state = seededState();
    const result = expectOk(assign(state, { subscriptionId: 'sub-chat', personIds: ['person-40', 'person-41'] }, context()));
    expect(result.changes).toEqual([
      { op: 'mapSet', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', entries: { 'person-40': NOW, 'person-41': NOW } },
    ]);
    expect(Object.keys(applyChanges(state, result.changes).subscriptions['sub-chat']!.assigned)).toHaveLength(14);
    expect(result.message).toBe('Assigned Contoso Chat licenses to 2 people');
  });

  it('names the person when assigning one license', () => {
    const result = expectOk(assign(seededState(), { subscriptionId: 'sub-chat', personIds: ['person-40'] }, context()));
    expect(result.message).toBe('Assigned a Contoso Chat license to Ruth Mensah');
  });

  it('allows a canceled subscription that is still in its term', () => {
    expectOk(assign(seededState(), { subscriptionId: 'sub-whiteboard', personIds: ['person-40'] }, context()));
  });

  it('refuses an expired subscription', () => {
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-pdf', personIds: ['person-40'] }, context()))).toEqual({
      form: 'This subscription has expired',
    });
  });

  it('refuses an unknown subscription', () => {
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-gone', personIds: ['person-40'] }, context()))).toHaveProperty('form');
  });

  it('refuses an empty list and more than 20 people', () => {
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-chat', personIds: [] }, context()))).toEqual({
      personIds: 'Pick at least one person',
    });
    const many = Array.from({ length: 21 }, (_, i) => `person-${i + 20}`);
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-chat', personIds: many }, context()))).toEqual({
      personIds: 'You can assign up to 20 people at a time',
    });
  });

  it('refuses the same person twice in one list', () => {
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-chat', personIds: ['person-40', 'person-40'] }, context()))).toEqual({
      personIds: 'Each person can be picked only once',
    });
  });

  it('refuses people outside the organization directory', () => {
    const ctx = context();
    ctx.org.directory.push({ id: 'guest-1', orgId: 'org-other', displayName: 'Guest', email: 'g@other.example', department: '' });
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-chat', personIds: ['guest-1'] }, ctx))).toEqual({
      personIds: 'Only people in Northwind Labs can get licenses',
    });
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-chat', personIds: ['nobody'] }, context()))).toHaveProperty('personIds');
  });

  it('refuses people who already have a license', () => {
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-chat', personIds: ['person-02', 'person-40'] }, context()))).toEqual({
      personIds: 'Liam Fischer already has a license',
    });
  });

  it('refuses more people than there are free licenses, saying how many are free', () => {
    // sub-design: 10 licenses, 4 assigned.
    const seven = ['person-40', 'person-41', 'person-42', 'person-43', 'person-44', 'person-45', 'person-46'];
    expect(errorsOf(assign(seededState(), { subscriptionId: 'sub-design', personIds: seven }, context()))).toEqual({
      personIds: 'Only 6 licenses are free. Pick up to 6 people, or add licenses first.',
    });
  });

  it('says when no license is free', () => {
    const state = seededState();
    state.subscriptions['sub-design']!.licenses = 4;
    expect(errorsOf(assign(state, { subscriptionId: 'sub-design', personIds: ['person-40'] }, context()))).toEqual({
      personIds: 'No licenses are free. Add licenses or unassign someone first.',
    });
  });
});
