import { describe, expect, it } from 'vitest';
import { amountsFor } from '../../../lib/billing/invoice';
import { fullRefund, NO_REFUND, unusedRefund } from '../../../lib/billing/refund';

const TAX_BPS = 825;
/** 1 annual license of $450.00 bought Mar 15, 2026 (365 days), tax 8.25 %: $487.13. */
const purchase = { ...amountsFor(45_000, TAX_BPS), periodStart: '2026-03-15', periodEnd: '2027-03-15' };

describe('fullRefund', () => {
  it('gives back exactly what was paid', () => {
    expect(purchase.total).toBe(48_713);
    expect(fullRefund([purchase])).toEqual({ subtotal: -45_000, tax: -3_713, total: -48_713 });
  });

  it('nets credits and refunds already given', () => {
    const credit = { subtotal: -1_000, tax: -83, total: -1_083 };
    expect(fullRefund([purchase, credit])).toEqual({ subtotal: -44_000, tax: -3_630, total: -47_630 });
    expect(fullRefund([purchase, { subtotal: -45_000, tax: -3_713, total: -48_713 }])).toEqual(NO_REFUND);
  });

  it('refunds nothing when nothing was paid', () => {
    expect(fullRefund([])).toEqual(NO_REFUND);
  });
});

describe('unusedRefund', () => {
  it('returns the whole term on the day of purchase', () => {
    expect(unusedRefund([purchase], '2026-03-15', TAX_BPS)).toEqual({ subtotal: -45_000, tax: -3_713, total: -48_713 });
  });

  it('prorates by the days left: 3 days used of 365', () => {
    // 45,000 × 362 / 365 = 44,630.137 → 44,630; tax 44,630 × 8.25 % = 3,681.975 → 3,682.
    expect(unusedRefund([purchase], '2026-03-18', TAX_BPS)).toEqual({ subtotal: -44_630, tax: -3_682, total: -48_312 });
  });

  it('prorates a monthly term and a license change over their own periods', () => {
    const month = { subtotal: 6_250, periodStart: '2026-03-31', periodEnd: '2026-04-30' };
    const added = { subtotal: 625, periodStart: '2026-04-15', periodEnd: '2026-04-30' };
    // 6,250 × 25/30 = 5,208.33 → 5,208; tax 429.66 → 430.
    expect(unusedRefund([month], '2026-04-05', TAX_BPS)).toEqual({ subtotal: -5_208, tax: -430, total: -5_638 });
    // 6,250 × 10/30 = 2,083.33 → 2,083; 625 × 10/15 = 416.67 → 417; sum 2,500; tax 206.25 → 206.
    expect(unusedRefund([month, added], '2026-04-20', TAX_BPS)).toEqual({ subtotal: -2_500, tax: -206, total: -2_706 });
  });

  it('refunds nothing after the period, or when nothing was paid', () => {
    expect(unusedRefund([purchase], '2027-03-15', TAX_BPS)).toEqual(NO_REFUND);
    expect(unusedRefund([], '2026-03-15', TAX_BPS)).toEqual(NO_REFUND);
  });
});
