import { describe, expect, it } from 'vitest';
import { previewLicenseChange } from '../../../lib/billing/price-preview';

/** Started on Jan 31, so its current term is Mar 31 → Apr 30: 30 days. */
const sub = { licenses: 100, unitPrice: 1250, term: 'monthly' as const, startedOn: '2026-01-31', renewsOn: '2026-04-30' };
const MID_TERM = '2026-04-15T09:00:00.000Z';

describe('previewLicenseChange', () => {
  it('shows 100 → 105 of $12.50/month with 15 of 30 days left', () => {
    expect(previewLicenseChange(sub, 105, 825, MID_TERM)).toEqual({
      delta: 5,
      term: 'monthly',
      // 105 × $12.50 = $1,312.50 per month, $108.28 tax
      recurring: { subtotal: 131_250, tax: 10_828, total: 142_078 },
      today: { subtotal: 3125, tax: 258, total: 3383 },
      remainingDays: 15,
      termDays: 30,
    });
  });

  it('shows a credit for fewer licenses', () => {
    const preview = previewLicenseChange(sub, 90, 825, MID_TERM);
    expect(preview.recurring).toEqual({ subtotal: 112_500, tax: 9281, total: 121_781 });
    // 1250 × −10 × 15 / 30 = −6250; tax −515.625 → −516
    expect(preview.today).toEqual({ subtotal: -6250, tax: -516, total: -6766 });
  });

  it('measures a 31-day term', () => {
    // Term Mar 28 → Apr 28 (31 days) for a subscription started Jan 28, seen on Apr 1: 27 days left.
    const preview = previewLicenseChange({ ...sub, startedOn: '2026-01-28', renewsOn: '2026-04-28' }, 101, 0, '2026-04-01T00:00:00.000Z');
    expect(preview).toMatchObject({ termDays: 31, remainingDays: 27, today: { subtotal: 1089, tax: 0, total: 1089 } });
  });

  it('prorates annual terms over their 365 days', () => {
    const annual = { licenses: 25, unitPrice: 6000, term: 'annual' as const, startedOn: '2025-08-18', renewsOn: '2026-08-18' };
    const preview = previewLicenseChange(annual, 30, 825, '2026-03-15T12:00:00.000Z');
    // 6000 × 5 × 156 / 365 = 12821.9… → 12822
    expect(preview).toMatchObject({ termDays: 365, remainingDays: 156, today: { subtotal: 12_822, tax: 1058, total: 13_880 } });
  });
});
