import { describe, expect, it } from 'vitest';
import { plural } from '../../../lib/text/plural';

describe('plural', () => {
  it('picks the form for the count and groups thousands', () => {
    expect(plural(1, 'license')).toBe('1 license');
    expect(plural(0, 'license')).toBe('0 licenses');
    expect(plural(1500, 'license')).toBe('1,500 licenses');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});
