import { describe, expect, it } from 'vitest';
import { taxOn } from '../../../lib/billing/tax';

describe('taxOn', () => {
  it('applies basis points and rounds half up to the cent', () => {
    expect(taxOn(3125, 825)).toBe(258); // 257.8125
    expect(taxOn(6250, 825)).toBe(516); // 515.625
    expect(taxOn(200, 825)).toBe(17); // 16.5
    expect(taxOn(100, 825)).toBe(8); // 8.25
  });

  it('gives a credit exactly the negative of the matching charge', () => {
    expect(taxOn(-3125, 825)).toBe(-258);
    expect(taxOn(-200, 825)).toBe(-17);
  });

  it('is zero at a zero rate', () => {
    expect(taxOn(12_345, 0)).toBe(0);
  });
});
