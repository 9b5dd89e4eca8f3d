import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/billing/schemas';
import { invoiceByProduct, monthlySpend } from '../../../lib/insights/monthly-spend';

const PRODUCTS: Record<string, string> = { chat: 'Contoso Chat', notes: 'Litware Notes', pdf: 'Proseware PDF' };
const productOf = (id: string) => PRODUCTS[id] ?? id;

function invoice(issuedOn: string, lines: [string, number][], taxRateBps = 825, currency: Invoice['currency'] = 'USD'): Invoice {
  const subtotal = lines.reduce((sum, [, amount]) => sum + amount, 0);
  const tax = Math.round((subtotal * taxRateBps) / 10_000);
  return {
    id: `inv-${issuedOn}-${subtotal}`,
    number: 'NL-000001',
    issuedOn,
    periodStart: issuedOn,
    periodEnd: issuedOn,
    billingProfileId: 'bp',
    lines: lines.map(([subscriptionId, amount]) => ({ description: subscriptionId, subscriptionId, quantity: 1, amount })),
    subtotal,
    tax,
    total: subtotal + tax,
    currency,
    status: subtotal < 0 ? 'credit' : 'paid',
  };
}

describe('invoiceByProduct', () => {
  it('shares the tax in proportion to the lines, the shares adding up to the tax to the cent', () => {
    // Subtotal $100.01, tax 8.25 % = $8.25; $33.33 of it is Chat's third, rounding left to the largest.
    const split = invoiceByProduct(invoice('2026-11-02', [['chat', 6_668], ['notes', 3_333]]), productOf);
    expect(split).toEqual({ 'Contoso Chat': 6_668 + 550, 'Litware Notes': 3_333 + 275 });
    expect(Object.values(split).reduce((a, b) => a + b, 0)).toBe(10_001 + 825);
  });

  it('a credit splits negative, the same way', () => {
    expect(invoiceByProduct(invoice('2026-11-02', [['chat', -10_000]]), productOf)).toEqual({ 'Contoso Chat': -10_825 });
  });
});

describe('monthlySpend', () => {
  it('gives twelve months up to this one, per product, each month’s total the sum of its invoices', () => {
    const invoices = [
      invoice('2026-12-01', [['chat', 125_000]]),
      invoice('2026-12-15', [['chat', -2_500], ['pdf', 1_000]]),
      invoice('2026-06-03', [['notes', 12_000]]),
      invoice('2025-12-31', [['notes', 99_999]]),
    ];
    const [usd] = monthlySpend(invoices, productOf, '2026-12-20T10:00:00.000Z');
    expect(usd!.currency).toBe('USD');
    expect(usd!.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    const december = usd!.months.at(-1)!;
    expect(december.total).toBe(invoices[0]!.total + invoices[1]!.total);
    expect(Object.values(december.byProduct).reduce((a, b) => a + b, 0)).toBe(december.total);
    // The credit note's tax of -$1.24 is shared -$2.07 to Chat, $0.83 to PDF.
    expect(december.byProduct).toEqual({ 'Contoso Chat': 135_313 - 2_707, 'Proseware PDF': 1_083 });
    expect(usd!.months[5]).toEqual({ month: '2026-06', byProduct: { 'Litware Notes': 12_990 }, total: 12_990 });
    expect(usd!.months[0]!.total).toBe(0);
  });

  it('keeps currencies apart', () => {
    expect(monthlySpend([invoice('2026-12-01', [['chat', 100]], 0, 'EUR'), invoice('2026-12-01', [['chat', 200]], 0)], productOf, '2026-12-20T10:00:00.000Z').map((s) => [s.currency, s.months.at(-1)!.total])).toEqual([
      ['EUR', 100],
      ['USD', 200],
    ]);
  });
});
