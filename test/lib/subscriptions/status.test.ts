import { describe, expect, it } from 'vitest';
import { assignedCount, effectiveStatus, freeLicenses } from '../../../lib/subscriptions/status';

describe('effectiveStatus', () => {
  const now = '2026-03-15T12:00:00.000Z';
  it('keeps active subscriptions active', () => {
    expect(effectiveStatus({ status: 'active', renewsOn: '2026-03-20' }, now)).toBe('active');
  });

  it('treats a canceled subscription as canceled until the day it expires', () => {
    expect(effectiveStatus({ status: 'canceled', renewsOn: '2026-03-16' }, now)).toBe('canceled');
    expect(effectiveStatus({ status: 'canceled', renewsOn: '2026-03-15' }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'canceled', renewsOn: '2026-01-01' }, now)).toBe('expired');
  });

  it('keeps expired subscriptions expired', () => {
    expect(effectiveStatus({ status: 'expired', renewsOn: '2027-01-01' }, now)).toBe('expired');
  });
});

describe('freeLicenses', () => {
  const at = '2026-03-01T00:00:00.000Z';
  it('is the licenses not assigned to anyone', () => {
    const sub = { licenses: 10, assigned: { a: at, b: at, c: at } };
    expect(assignedCount(sub)).toBe(3);
    expect(freeLicenses(sub)).toBe(7);
  });

  it('never goes below zero when merged assignments exceed the licenses', () => {
    expect(freeLicenses({ licenses: 2, assigned: { a: at, b: at, c: at } })).toBe(0);
  });
});
