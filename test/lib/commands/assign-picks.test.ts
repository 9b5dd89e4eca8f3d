import { describe, expect, it } from 'vitest';
import { freeLicensesRefusal } from '../../../lib/commands/assign-picks';

describe('freeLicensesRefusal', () => {
  it('takes as many people as there are free licenses', () => {
    expect(freeLicensesRefusal(3, 3)).toBeUndefined();
  });

  it('says how many are free when more are picked', () => {
    expect(freeLicensesRefusal(4, 3)).toBe('Only 3 licenses are free. Pick up to 3 people, or add licenses first.');
    expect(freeLicensesRefusal(2, 1)).toBe('Only 1 license is free. Pick up to 1 person, or add licenses first.');
    expect(freeLicensesRefusal(1, 0)).toBe('No licenses are free. Add licenses or unassign someone first.');
  });
});
