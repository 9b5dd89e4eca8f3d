import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatDay, isCalendarDate } from '../../lib/dates';

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });
});

describe('daysBetween', () => {
  it('counts whole days either way', () => {
    expect(daysBetween('2026-03-31', '2026-04-30')).toBe(30);
    expect(daysBetween('2026-04-30', '2026-03-31')).toBe(-30);
  });
});

describe('isCalendarDate', () => {
  it('rejects days that do not exist', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('yesterday')).toBe(false);
  });
});

describe('formatDay', () => {
  it('writes the day in words, in UTC', () => {
    expect(formatDay('2026-04-30')).toBe('Apr 30, 2026');
    expect(formatDay('2026-01-01')).toBe('Jan 1, 2026');
  });
});
