import { describe, expect, it } from 'vitest';
import { divideRounded } from '../../../lib/billing/rounding';

describe('divideRounded', () => {
  it('rounds halves away from zero, symmetrically for negatives', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(7, 4)).toBe(2);
    expect(divideRounded(-7, 4)).toBe(-2);
    expect(divideRounded(1, 3)).toBe(0);
    expect(divideRounded(0, 7)).toBe(0);
  });

  it('is exact where floating point division is not', () => {
    // 1.005 * 1000 is 1004.9999999999999 in floating point; the integers say 1005 / 1000 → 1.
    expect(divideRounded(1005, 1000)).toBe(1);
    expect(divideRounded(2_000_000_000_005, 10)).toBe(200_000_000_001);
  });

  it('refuses inputs it cannot divide exactly', () => {
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
    expect(() => divideRounded(1.5, 2)).toThrow(RangeError);
    expect(() => divideRounded(2 ** 60, 3)).toThrow(RangeError);
  });
});
