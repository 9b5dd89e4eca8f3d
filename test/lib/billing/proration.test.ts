import { describe, expect, it } from 'vitest';
import { prorate } from '../../../lib/billing/proration';

describe('prorate', () => {
  it('charges 5 more licenses at $12.50/month for 15 of 30 days: $31.25', () => {
    expect(prorate({ unitPrice: 1250, delta: 5, remainingDays: 15, termDays: 30 })).toBe(3125);
  });

  it('credits the same amount when the licenses are removed', () => {
    expect(prorate({ unitPrice: 1250, delta: -5, remainingDays: 15, termDays: 30 })).toBe(-3125);
  });

  it('rounds the last cent half away from zero', () => {
    // 1250 × 1 × 12 / 28 = 535.714… → 536; 12000 × 3 × 200 / 365 = 19726.027… → 19726
    expect(prorate({ unitPrice: 1250, delta: 1, remainingDays: 12, termDays: 28 })).toBe(536);
    expect(prorate({ unitPrice: 12_000, delta: 3, remainingDays: 200, termDays: 365 })).toBe(19_726);
    // 1499 × 1 × 1 / 2 = 749.5 → 750 and −750
    expect(prorate({ unitPrice: 1499, delta: 1, remainingDays: 1, termDays: 2 })).toBe(750);
    expect(prorate({ unitPrice: 1499, delta: -1, remainingDays: 1, termDays: 2 })).toBe(-750);
  });

  it('charges the full term price with the whole term left, and nothing with none left', () => {
    expect(prorate({ unitPrice: 1250, delta: 5, remainingDays: 31, termDays: 31 })).toBe(6250);
    expect(prorate({ unitPrice: 1250, delta: 5, remainingDays: 0, termDays: 31 })).toBe(0);
    expect(prorate({ unitPrice: 1250, delta: 5, remainingDays: 0, termDays: 0 })).toBe(0);
  });
});
