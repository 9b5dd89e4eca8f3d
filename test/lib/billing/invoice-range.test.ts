import { describe, expect, it } from 'vitest';
import { invoicesInRange, rangeBounds, validateInvoiceRange } from '../../../lib/billing/invoice-range';
import { NOW, seededState } from '../commands/fixture';

const invoices = Object.values(seededState().invoices);
const numbers = (list: { number: string }[]) => list.map((i) => i.number);

describe('rangeBounds', () => {
  it('counts past months back from today, inclusive', () => {
    expect(rangeBounds({ kind: 'past3' }, NOW)).toEqual({ from: '2025-12-15', to: '2026-03-15' });
    expect(rangeBounds({ kind: 'past6' }, NOW)).toEqual({ from: '2025-09-15', to: '2026-03-15' });
  });
});

describe('invoicesInRange', () => {
  it('shows the past 3 months newest first', () => {
    expect(numbers(invoicesInRange(invoices, { kind: 'past3' }, NOW))).toEqual([
      'SK-000020', 'SK-000019', 'SK-000018', 'SK-000017', 'SK-000016', 'SK-000015', 'SK-000014',
    ]);
  });

  it('shows more for the past 6 months', () => {
    const past6 = invoicesInRange(invoices, { kind: 'past6' }, NOW);
    expect(past6).toHaveLength(14);
    expect(past6.at(-1)).toMatchObject({ number: 'SK-000007', issuedOn: '2025-09-27' });
  });

  it('includes both ends of a custom range', () => {
    const range = { kind: 'range', from: '2025-08-11', to: '2025-08-27' } as const;
    expect(numbers(invoicesInRange(invoices, range, NOW))).toEqual(['SK-000005', 'SK-000004', 'SK-000003']);
  });

  it('breaks ties on the same day by number, newest first', () => {
    const day = invoices[0]!;
    const twins = [{ ...day, number: 'SK-000001' }, { ...day, number: 'SK-000002' }];
    expect(numbers(invoicesInRange(twins, { kind: 'range', from: day.issuedOn, to: day.issuedOn }, NOW))).toEqual(['SK-000002', 'SK-000001']);
  });
});

describe('validateInvoiceRange', () => {
  it('accepts the preset ranges and a sensible custom one', () => {
    expect(validateInvoiceRange({ kind: 'past3' }, NOW)).toEqual({});
    expect(validateInvoiceRange({ kind: 'range', from: '2024-03-15', to: '2026-03-15' }, NOW)).toEqual({});
  });

  it('refuses a start after the end', () => {
    expect(validateInvoiceRange({ kind: 'range', from: '2026-02-01', to: '2026-01-01' }, NOW)).toEqual({
      to: 'Pick an end date on or after the start date',
    });
  });

  it('refuses future dates on the field that holds them', () => {
    expect(validateInvoiceRange({ kind: 'range', from: '2026-01-01', to: '2026-03-16' }, NOW)).toEqual({ to: 'Pick a date up to today' });
    expect(validateInvoiceRange({ kind: 'range', from: '2026-04-01', to: '2026-05-01' }, NOW)).toEqual({
      from: 'Pick a date up to today',
      to: 'Pick a date up to today',
    });
  });

  it('refuses days that do not exist', () => {
    expect(validateInvoiceRange({ kind: 'range', from: '2026-02-30', to: '2026-03-01' }, NOW)).toEqual({ from: 'Enter a real date' });
  });

  it('refuses ranges longer than 24 months', () => {
    expect(validateInvoiceRange({ kind: 'range', from: '2024-03-14', to: '2026-03-15' }, NOW)).toEqual({
      to: 'Pick a range of up to 24 months',
    });
  });
});
