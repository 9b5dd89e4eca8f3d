import { describe, expect, it } from 'vitest';
import { SUMMARY_CSV_HEADER, summaryCsv } from '../../../lib/admin/summary-csv';
import { summaryRows } from '../../../lib/admin/summary-rows';
import { entry } from './rows';

const LABELS = { active: 'Active', canceled: 'Canceled', expired: 'Expired' };
const label = (row: { effective: keyof typeof LABELS; paymentFailed?: boolean }) => (row.paymentFailed ? 'Payment failed' : LABELS[row.effective]);

describe('summaryCsv', () => {
  it('writes the header and one record per row as the table shows it', () => {
    const rows = summaryRows({ k: entry({ unitPrice: 12_000, termPrice: 120_000 }) }, '2026-11-26T00:00:00.000Z');
    expect(summaryCsv(rows, label).split('\r\n')).toEqual([
      SUMMARY_CSV_HEADER.join(','),
      'Contoso Chat,Maya Okafor,10,2,8,960.00,2026-12-10,Monthly,1200.00,USD,Active,Ann Lee; Bo Park',
      '',
    ]);
  });

  it('writes amounts as plain numbers, the term and the currency in their own columns', () => {
    const rows = summaryRows({ k: entry({ term: 'annual', termPrice: 131_207, currency: 'EUR' }) }, '2026-11-26T00:00:00.000Z');
    expect(summaryCsv(rows, label).split('\r\n')[1]).toContain(',Annual,1312.07,EUR,');
  });

  it('writes the unused licenses and their monthly cost as the table does: none counted once expired', () => {
    const rows = summaryRows({ k: entry({ term: 'annual', termPrice: 131_207, renewsOn: '2026-11-20', status: 'canceled' }) }, '2026-11-26T00:00:00.000Z');
    expect(rows[0]!.unused.unused).toBe(0);
    expect(summaryCsv(rows, label).split('\r\n')[1]).toMatch(/^Contoso Chat,Maya Okafor,10,2,0,0\.00,/);
  });

  it('writes the status in the table’s words, a failed payment included', () => {
    const rows = summaryRows({ k: entry({ paymentFailed: true }) }, '2026-11-26T00:00:00.000Z');
    expect(summaryCsv(rows, label).split('\r\n')[1]).toContain(',USD,Payment failed,');
  });

  it('writes only the header when no row is left', () => {
    expect(summaryCsv([], label)).toBe(`${SUMMARY_CSV_HEADER.join(',')}\r\n`);
  });

  it('defuses names that a spreadsheet would read as formulas', () => {
    const rows = summaryRows({ k: entry({ purchaserName: '=HYPERLINK("x")', assignedNames: ['@me', 'Ann'] }) }, '2026-11-26T00:00:00.000Z');
    const record = summaryCsv(rows, label).split('\r\n')[1];
    expect(record).toContain(`"'=HYPERLINK(""x"")"`);
    expect(record).toMatch(/,"'@me; Ann"$/);
  });
});
