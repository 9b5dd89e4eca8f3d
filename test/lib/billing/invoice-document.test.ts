import { describe, expect, it } from 'vitest';
import { invoiceFileName, invoiceText } from '../../../lib/billing/invoice-document';
import { demoOrg } from '../../../lib/org/demo';
import { seededState } from '../commands/fixture';

const state = seededState();

describe('invoiceText', () => {
  it('lays out a credit invoice with aligned columns and negative amounts', () => {
    expect(invoiceText(state.invoices['inv-notes-change-1']!, demoOrg(), state.billingProfiles['bp-main'])).toBe(
      [
        'Northwind Labs',
        'Invoice SK-000009',
        '',
        'Issued:    Oct 18, 2025',
        'Period:    Oct 18, 2025 to Aug 18, 2026',
        'Billed to: Northwind Labs main <billing@northwind.example>',
        'Status:    Credit',
        '',
        'Description                                            Qty    Amount',
        '--------------------------------------------------------------------',
        'Litware Notes, 5 licenses removed for 304 of 365 days   -5  -$249.86',
        '--------------------------------------------------------------------',
        'Subtotal                                                    -$249.86',
        'Tax                                                          -$20.61',
        'Total                                                       -$270.47',
        '',
      ].join('\n'),
    );
  });

  it('names the profile id when the profile is gone and keeps markup as text', () => {
    const invoice = { ...state.invoices['inv-design-1']!, lines: [{ description: '<b>Design</b>', subscriptionId: 's', quantity: 1, amount: 100 }] };
    const text = invoiceText(invoice, demoOrg());
    expect(text).toContain('Billed to: bp-main');
    expect(text).toMatch(/^<b>Design<\/b> +1 +\$1\.00$/m);
    expect(text).toMatch(/^Total +\$4,871\.25$/m);
  });
});

describe('invoiceFileName', () => {
  it('is the invoice number', () => {
    expect(invoiceFileName({ number: 'SK-000123' })).toBe('SK-000123.txt');
  });
});
