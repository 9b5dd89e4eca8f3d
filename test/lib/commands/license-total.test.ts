import { describe, expect, it } from 'vitest';
import { licenseTotalRefusal } from '../../../lib/commands/license-total';
import { demoOrg } from '../../../lib/org/demo';

const design = demoOrg().catalog.find((p) => p.id === 'prod-design')!; // up to 50 licenses
const sub = { licenses: 10, assigned: { a: '2026-01-01T00:00:00.000Z', b: '2026-01-01T00:00:00.000Z', c: '2026-01-01T00:00:00.000Z' } };

describe('licenseTotalRefusal', () => {
  it('takes a different total that covers the people assigned and stays within the product', () => {
    expect(licenseTotalRefusal(sub, 3, design)).toBeUndefined();
    expect(licenseTotalRefusal(sub, 50, design)).toBeUndefined();
  });

  it('says why not, one reason at a time in the order a person fixes them', () => {
    expect(licenseTotalRefusal(sub, Number.NaN, design)).toBe('Enter a whole number of licenses');
    expect(licenseTotalRefusal(sub, 2.5, design)).toBe('Enter a whole number of licenses');
    expect(licenseTotalRefusal(sub, 0, design)).toBe('Keep at least 1 license, or cancel the subscription');
    expect(licenseTotalRefusal(sub, 10, design)).toBe('You already have 10 licenses. Enter a different total.');
    expect(licenseTotalRefusal(sub, 51, design)).toBe('You can have up to 50 licenses of Fabrikam Design Studio');
    expect(licenseTotalRefusal(sub, 1, design)).toBe('3 people have licenses. Unassign 2 of them first, or keep at least 3 licenses.');
  });

  it('skips the product limit when the product is not known yet', () => {
    expect(licenseTotalRefusal(sub, 51, undefined)).toBeUndefined();
  });
});
