import { describe, expect, it } from 'vitest';
import { addWaste, totalWaste, unusedLicenses, unusedOfCount, unusedRemovedTotal } from '../../../lib/insights/unused-licenses';
import { subscription } from '../../fixtures/subscription';

const NOW = '2026-11-15T12:00:00.000Z';
const assigned = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p-${i}`, NOW]));

describe('unusedLicenses', () => {
  it('the demo’s Contoso Chat: 88 of 100 monthly licenses unused cost $1,100.00 a month, $13,200.00 a year', () => {
    expect(unusedLicenses(subscription({ licenses: 100, assigned: assigned(12), unitPrice: 1250 }), NOW)).toEqual({ subscriptionId: 'sub-1', unused: 88, perMonth: 110_000, perYear: 1_320_000, currency: 'USD' });
  });

  it('spreads an annual price over twelve months, rounding the total once, half up to the cent', () => {
    // 7 × $487.13 = $3,409.91 a year; / 12 = $284.159… → $284.16.
    expect(unusedLicenses(subscription({ term: 'annual', licenses: 10, assigned: assigned(3), unitPrice: 48_713 }), NOW)).toMatchObject({ unused: 7, perMonth: 28_416, perYear: 340_991 });
  });

  it('counts a canceled subscription until it ends, and nothing once it has expired', () => {
    const canceled = subscription({ status: 'canceled', renewsOn: '2026-12-01', licenses: 5, assigned: assigned(1) });
    expect(unusedLicenses(canceled, NOW).unused).toBe(4);
    expect(unusedLicenses(canceled, '2026-12-01T00:00:00.000Z')).toMatchObject({ unused: 0, perMonth: 0, perYear: 0 });
    expect(unusedLicenses(subscription({ status: 'expired', licenses: 5 }), NOW).unused).toBe(0);
  });

  it('never counts negative waste when a merge assigned more people than licenses', () => {
    expect(unusedLicenses(subscription({ licenses: 3, assigned: assigned(5) }), NOW)).toMatchObject({ unused: 0, perMonth: 0, perYear: 0 });
  });
});

describe('totalWaste', () => {
  it('adds up per currency, largest first, leaving out subscriptions without waste', () => {
    const subs = [
      subscription({ id: 'a', licenses: 10, assigned: assigned(2), unitPrice: 1000 }),
      subscription({ id: 'b', licenses: 4, assigned: assigned(4), unitPrice: 9999 }),
      subscription({ id: 'c', term: 'annual', licenses: 3, unitPrice: 12_000 }),
      subscription({ id: 'd', licenses: 2, unitPrice: 5000, currency: 'EUR' }),
    ];
    expect(totalWaste(subs, NOW)).toEqual([
      { currency: 'USD', unused: 11, perMonth: 8_000 + 3_000, perYear: 96_000 + 36_000 },
      { currency: 'EUR', unused: 2, perMonth: 10_000, perYear: 120_000 },
    ]);
  });
});

describe('unusedOfCount', () => {
  it('gives what unusedLicenses gives, from a count of people assigned (a summary entry)', () => {
    const sub = subscription({ term: 'annual', licenses: 10, assigned: assigned(3), unitPrice: 48_713 });
    expect(unusedOfCount({ ...sub, assignedCount: 3 }, NOW)).toEqual(unusedLicenses(sub, NOW));
  });
});

describe('addWaste', () => {
  it('adds up what unusedLicenses gave, per currency, leaving out what wastes nothing', () => {
    const wastes = [
      { subscriptionId: 'a', unused: 2, perMonth: 2_501, perYear: 30_012, currency: 'USD' as const },
      { subscriptionId: 'b', unused: 0, perMonth: 0, perYear: 0, currency: 'GBP' as const },
      { subscriptionId: 'c', unused: 1, perMonth: 1, perYear: 12, currency: 'USD' as const },
    ];
    expect(addWaste(wastes)).toEqual([{ currency: 'USD', unused: 3, perMonth: 2_502, perYear: 30_024 }]);
  });
});

describe('unusedRemovedTotal', () => {
  it('proposes as many licenses as are assigned, and one when nobody is', () => {
    expect(unusedRemovedTotal(subscription({ assigned: assigned(12) }))).toBe(12);
    expect(unusedRemovedTotal(subscription({ assigned: {} }))).toBe(1);
  });
});
