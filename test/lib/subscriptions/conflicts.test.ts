import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { subscriptionProblems } from '../../../lib/subscriptions/conflicts';

function assigned(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, '2026-11-01T00:00:00.000Z']));
}

describe('subscriptionProblems', () => {
  it('finds nothing while every assignee has a license', () => {
    expect(subscriptionProblems({ licenses: 12, assigned: assigned(12) })).toEqual([]);
    expect(subscriptionProblems({ licenses: 12, assigned: {} })).toEqual([]);
  });

  it('says how many to unassign when more people are assigned than there are licenses', () => {
    expect(subscriptionProblems({ licenses: 12, assigned: assigned(15) })).toEqual([
      '15 people assigned but only 12 licenses: unassign 3 or buy more',
    ]);
    expect(subscriptionProblems({ licenses: 1, assigned: assigned(2) })).toEqual([
      '2 people assigned but only 1 license: unassign 1 or buy more',
    ]);
  });

  it('catches the state two offline devices merge into, though each one was valid', () => {
    const base = new Y.Doc();
    const sub = base.getMap<unknown>('sub');
    sub.set('licenses', 12);
    const people = new Y.Map<string>();
    sub.set('assigned', people);
    for (const [id, at] of Object.entries(assigned(12)).slice(0, 9)) people.set(id, at);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
    // Device A assigns the 3 free licenses; device B removes 3 licenses.
    const aAssigned = a.getMap('sub').get('assigned') as Y.Map<string>;
    for (const id of ['x1', 'x2', 'x3']) aAssigned.set(id, '2026-11-02T00:00:00.000Z');
    b.getMap('sub').set('licenses', 9);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const merged = a.getMap('sub').toJSON() as { licenses: number; assigned: Record<string, string> };
    expect(subscriptionProblems(merged)).toEqual(['12 people assigned but only 9 licenses: unassign 3 or buy more']);
  });
});
