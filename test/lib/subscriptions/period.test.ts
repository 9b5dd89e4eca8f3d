import { describe, expect, it } from 'vitest';
import { currentPeriod, remainingDays } from '../../../lib/subscriptions/period';

describe('currentPeriod', () => {
  it('is the anniversary of the start date that precedes renewsOn', () => {
    expect(currentPeriod({ term: 'monthly', startedOn: '2025-07-27', renewsOn: '2026-03-27' })).toEqual({ start: '2026-02-27', end: '2026-03-27' });
    expect(currentPeriod({ term: 'annual', startedOn: '2024-08-18', renewsOn: '2026-08-18' })).toEqual({ start: '2025-08-18', end: '2026-08-18' });
  });

  it('follows month-end anniversaries instead of stepping back from a clamped date', () => {
    expect(currentPeriod({ term: 'monthly', startedOn: '2026-01-31', renewsOn: '2026-02-28' })).toEqual({ start: '2026-01-31', end: '2026-02-28' });
    expect(currentPeriod({ term: 'monthly', startedOn: '2026-01-31', renewsOn: '2026-03-31' })).toEqual({ start: '2026-02-28', end: '2026-03-31' });
    expect(currentPeriod({ term: 'monthly', startedOn: '2026-01-31', renewsOn: '2026-04-30' })).toEqual({ start: '2026-03-31', end: '2026-04-30' });
  });

  it('falls back to one term before renewsOn when that is no anniversary', () => {
    expect(currentPeriod({ term: 'monthly', startedOn: '2026-01-10', renewsOn: '2026-04-20' })).toEqual({ start: '2026-03-20', end: '2026-04-20' });
  });
});

describe('remainingDays', () => {
  const period = { start: '2026-03-31', end: '2026-04-30' };
  it('counts from today to the end of the term, within the term', () => {
    expect(remainingDays(period, '2026-04-15')).toBe(15);
    expect(remainingDays(period, '2026-03-31')).toBe(30);
    expect(remainingDays(period, '2026-04-30')).toBe(0);
    expect(remainingDays(period, '2026-05-03')).toBe(0);
    expect(remainingDays(period, '2026-03-01')).toBe(30);
  });
});
