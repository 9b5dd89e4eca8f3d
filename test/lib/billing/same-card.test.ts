import { describe, expect, it } from 'vitest';
import { findSameCard } from '../../../lib/billing/same-card';

const visa = { id: 'pm-visa', profileId: 'bp-1', brand: 'visa', last4: '4242', expMonth: 8, expYear: 2029 } as const;

describe('findSameCard', () => {
  it('finds the card with the same brand, last four and expiry on the same profile', () => {
    expect(findSameCard([visa], { profileId: 'bp-1', brand: 'visa', last4: '4242', expMonth: 8, expYear: 2029 })).toBe(visa);
  });

  it('tells apart another expiry, another last four, another brand and another profile', () => {
    const entry = { profileId: 'bp-1', brand: 'visa', last4: '4242', expMonth: 8, expYear: 2029 } as const;
    expect(findSameCard([visa], { ...entry, expMonth: 9 })).toBeUndefined();
    expect(findSameCard([visa], { ...entry, last4: '1111' })).toBeUndefined();
    expect(findSameCard([visa], { ...entry, brand: 'mastercard' })).toBeUndefined();
    expect(findSameCard([visa], { ...entry, profileId: 'bp-2' })).toBeUndefined();
  });
});
