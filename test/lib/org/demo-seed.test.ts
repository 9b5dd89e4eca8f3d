import { describe, expect, it } from 'vitest';
import { isExpired } from '../../../lib/billing/card';
import { addDays, toIsoDate } from '../../../lib/dates';
import { Change } from '../../../lib/doc/change';
import { demoOrg } from '../../../lib/org/demo';
import { demoSeedChanges } from '../../../lib/org/demo-seed';
import { emptyState, PurchaserState } from '../../../lib/state';
import { effectiveStatus, freeLicenses } from '../../../lib/subscriptions/status';
import { applyChanges } from '../commands/fixture';

const NOW = '2026-03-15T12:00:00.000Z';
const seed = (now: string) => applyChanges(emptyState(), demoSeedChanges(demoOrg(), now));

describe('demoSeedChanges', () => {
  it('is the same for the same instant', () => {
    expect(demoSeedChanges(demoOrg(), NOW)).toEqual(demoSeedChanges(demoOrg(), NOW));
  });

  it('produces valid changes and a valid purchaser state', () => {
    const changes = demoSeedChanges(demoOrg(), NOW);
    expect(changes.every((c) => Change.safeParse(c).success)).toBe(true);
    const result = PurchaserState.safeParse(seed(NOW));
    expect(result.error?.issues).toBeUndefined();
  });

  it('sets up an account, a profile and a Visa ending 4242 paying for it', () => {
    const state = seed(NOW);
    expect(Object.keys(state.billingAccounts)).toEqual(['ba-northwind']);
    expect(state.billingProfiles['bp-main']).toMatchObject({ accountId: 'ba-northwind', paymentMethodId: 'pm-visa' });
    expect(state.paymentMethods['pm-visa']).toMatchObject({ brand: 'visa', last4: '4242', profileId: 'bp-main' });
    expect(isExpired(state.paymentMethods['pm-visa']!, NOW)).toBe(false);
  });

  it('has the subscriptions the demo walks through', () => {
    const subs = seed(NOW).subscriptions;
    expect(Object.keys(subs).sort()).toEqual(['sub-chat', 'sub-design', 'sub-notes', 'sub-pdf', 'sub-whiteboard']);
    expect(subs['sub-chat']).toMatchObject({ licenses: 100, status: 'active', renewsOn: '2026-03-27' });
    expect(freeLicenses(subs['sub-chat']!)).toBe(88);
    expect(effectiveStatus(subs['sub-whiteboard']!, NOW)).toBe('canceled');
    expect(subs['sub-whiteboard']?.cancellation?.reason).toBe('switched_product');
    expect(effectiveStatus(subs['sub-pdf']!, NOW)).toBe('expired');
  });

  it('numbers invoices in date order, with renewals and a credit over the past eight months', () => {
    const invoices = Object.values(seed(NOW).invoices).sort((a, b) => a.number.localeCompare(b.number));
    expect(invoices.map((i) => i.number)).toEqual(invoices.map((_, i) => `SK-${String(i + 1).padStart(6, '0')}`));
    expect(invoices.map((i) => i.issuedOn)).toEqual(invoices.map((i) => i.issuedOn).sort());
    expect(invoices[0]?.issuedOn).toBe('2025-07-11');
    expect(invoices.at(-1)?.issuedOn).toBe('2026-02-27');
    // Litware Notes 30 → 25 at $60/year with 304 of 365 days left: 6000 × −5 × 304 / 365 = −24,986.3
    expect(invoices.filter((i) => i.status === 'credit')).toMatchObject([
      { id: 'inv-notes-change-1', issuedOn: '2025-10-18', subtotal: -24_986, tax: -2061, total: -27_047 },
    ]);
  });

  it('stays consistent whatever day the demo is loaded', () => {
    for (let day = 0; day < 366; day += 7) {
      const now = `${addDays('2026-01-01', day)}T08:00:00.000Z`;
      const state = seed(now);
      const today = toIsoDate(now);
      expect(PurchaserState.safeParse(state).success).toBe(true);
      expect(Object.values(state.invoices).every((i) => i.issuedOn <= today)).toBe(true);
      expect(Object.values(state.subscriptions).map((s) => effectiveStatus(s, now))).toEqual([
        'active',
        'active',
        'active',
        'canceled',
        'expired',
      ]);
    }
  });
});
