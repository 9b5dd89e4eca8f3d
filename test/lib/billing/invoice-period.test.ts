import { describe, expect, it } from 'vitest';
import { invoicePeriod } from '../../../lib/billing/invoice-period';

describe('invoicePeriod', () => {
  it('ends the day before the renewal day, with the year once within a year', () => {
    expect(invoicePeriod({ periodStart: '2026-03-01', periodEnd: '2026-04-01' })).toBe('Mar 1 – Mar 31, 2026');
  });

  it('names both years across a new year', () => {
    expect(invoicePeriod({ periodStart: '2025-12-15', periodEnd: '2026-12-15' })).toBe('Dec 15, 2025 – Dec 14, 2026');
  });

  it('shows one day alone', () => {
    expect(invoicePeriod({ periodStart: '2026-03-31', periodEnd: '2026-04-01' })).toBe('Mar 31, 2026');
  });
});
