import { describe, expect, it } from 'vitest';
import { orgRenewals, orgSpend, orgWaste } from '../../../lib/admin/org-insights';
import { summaryRows } from '../../../lib/admin/summary-rows';
import type { Invoice } from '../../../lib/billing/schemas';
import { entry } from './rows';

const NOW = '2026-11-26T12:00:00.000Z';
const rows = summaryRows(
  {
    'maya/chat': entry({ licenses: 100, assignedCount: 12, unitPrice: 1250, renewsOn: '2026-12-10', startedOn: '2026-11-10' }),
    'maya/board': entry({ subscriptionId: 'board', productId: 'prod-board', productName: 'Tailspin Whiteboard', status: 'canceled', licenses: 5, assignedCount: 0, unitPrice: 1000, renewsOn: '2026-11-29' }),
    'ravi/chat': entry({ purchaserId: 'ravi', purchaserName: 'Ravi Shah', licenses: 4, assignedCount: 4, term: 'annual', unitPrice: 12_000, renewsOn: '2027-01-05' }),
    'ravi/notes': entry({ purchaserId: 'ravi', purchaserName: 'Ravi Shah', subscriptionId: 'notes', productName: 'Litware Notes', licenses: 3, assignedCount: 1, term: 'annual', unitPrice: 12_001, renewsOn: '2027-06-01' }),
  },
  NOW,
);

describe('orgWaste', () => {
  it('totals the organization’s unused licenses and each purchaser’s, leaving out who wastes nothing', () => {
    // Maya: 88 × $12.50 + 5 × $10.00 (canceled, still running); Ravi: 2 × $120.01 a year = $20.00 a month (rounded once).
    expect(orgWaste(rows)).toEqual({
      organization: [{ currency: 'USD', unused: 95, perMonth: 110_000 + 5_000 + 2_000, perYear: 1_320_000 + 60_000 + 24_002 }],
      purchasers: [
        { purchaserId: 'person-01', purchaserName: 'Maya Okafor', totals: [{ currency: 'USD', unused: 93, perMonth: 115_000, perYear: 1_380_000 }] },
        { purchaserId: 'ravi', purchaserName: 'Ravi Shah', totals: [{ currency: 'USD', unused: 2, perMonth: 2_000, perYear: 24_002 }] },
      ],
    });
  });
});

describe('orgRenewals', () => {
  it('lists the active subscriptions’ renewals in 90 days with whose they are; an entry without a start counts its term back', () => {
    expect(orgRenewals(rows, NOW).map((r) => [r.on, r.productName, r.purchaserName, r.amount])).toEqual([
      ['2026-12-10', 'Contoso Chat', 'Maya Okafor', 125_000],
      ['2027-01-05', 'Contoso Chat', 'Ravi Shah', 48_000],
      ['2027-01-10', 'Contoso Chat', 'Maya Okafor', 125_000],
      ['2027-02-10', 'Contoso Chat', 'Maya Okafor', 125_000],
    ]);
  });
});

function invoice(issuedOn: string, subscriptionId: string, amount: number): Invoice {
  return { id: `inv-${issuedOn}-${subscriptionId}`, number: 'N-1', issuedOn, periodStart: issuedOn, periodEnd: issuedOn, billingProfileId: 'bp', lines: [{ description: 'x', subscriptionId, quantity: 1, amount }], subtotal: amount, tax: 0, total: amount, currency: 'USD', status: 'paid' };
}

describe('orgSpend', () => {
  const invoices = {
    'person-01': [invoice('2026-10-10', 'sub-chat', 125_000), invoice('2026-11-10', 'sub-chat', 125_000)],
    ravi: [invoice('2026-11-05', 'sub-chat', 48_000), invoice('2026-11-06', 'notes', 36_003)],
  };
  const month = (series: ReturnType<typeof orgSpend>, key: string) => series[0]!.months.find((m) => m.month === key);

  it('adds every purchaser’s invoices per month, each filed under its own purchaser’s product', () => {
    const series = orgSpend(invoices, rows, { purchaserId: '', product: '' }, NOW);
    expect(series[0]!.months).toHaveLength(12);
    expect(month(series, '2026-11')).toEqual({ month: '2026-11', byProduct: { 'Contoso Chat': 173_000, 'Litware Notes': 36_003 }, total: 209_003 });
    expect(month(series, '2026-10')!.total).toBe(125_000);
  });

  it('narrows to one purchaser and to one product', () => {
    expect(month(orgSpend(invoices, rows, { purchaserId: 'ravi', product: '' }, NOW), '2026-11')!.total).toBe(84_003);
    expect(month(orgSpend(invoices, rows, { purchaserId: '', product: 'Litware Notes' }, NOW), '2026-11')).toEqual({ month: '2026-11', byProduct: { 'Litware Notes': 36_003 }, total: 36_003 });
  });
});
