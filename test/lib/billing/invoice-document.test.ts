import { describe, expect, it } from 'vitest';
import { invoiceDocument, invoiceFileName } from '../../../lib/billing/invoice-document';
import type { Invoice } from '../../../lib/billing/schemas';
import { demoOrg } from '../../../lib/org/demo';
import { seededState } from '../commands/fixture';

const state = seededState();
const { organization } = demoOrg();
const profile = state.billingProfiles['bp-main'];
const account = state.billingAccounts['ba-northwind'];
const cards = Object.values(state.paymentMethods);

describe('invoiceDocument', () => {
  it('holds seller, buyer, number, dates, lines, tax with its rate, total and the card that paid', () => {
    const invoice = state.invoices['inv-chat-1']!;
    expect(invoiceDocument({ invoice, organization, profile, account, cards })).toEqual({
      fileName: `${invoice.number}.pdf`,
      title: 'Invoice',
      number: invoice.number,
      issued: 'Jul 27, 2025',
      period: 'Jul 27 – Aug 26, 2025',
      products: 'Contoso Chat',
      status: 'Paid',
      seller: { name: 'Relecloud Software, Inc.', lines: ['1 Market Street, Suite 300', 'San Francisco, CA 94105', 'United States', 'Tax ID: US 94-1234567'] },
      buyer: {
        name: 'Northwind Labs main',
        lines: ['Northwind Labs', '100 Harbor Way', 'Suite 400', 'Seattle, WA 98101', 'United States', 'billing@northwind.example'],
      },
      lines: [{ description: 'Contoso Chat, 100 licenses, monthly', quantity: '100', amount: '$1,250.00' }],
      subtotal: '$1,250.00',
      taxLabel: 'Tax (8.25 %)',
      tax: '$103.13',
      total: '$1,353.13',
      currency: 'USD',
      payment: 'Paid with Visa ending 4242',
    });
  });

  it('makes a credit a credit note, credited to its card, with negative amounts', () => {
    const doc = invoiceDocument({ invoice: state.invoices['inv-notes-change-1']!, organization, profile, account, cards });
    expect(doc).toMatchObject({ title: 'Credit note', status: 'Credit', subtotal: '-$249.86', tax: '-$20.61', total: '-$270.47', payment: 'Credited to Visa ending 4242' });
    expect(doc.period).toBe('Oct 18, 2025 – Aug 17, 2026');
  });

  it('names no card and no rate an invoice did not record, and the organization when it has no seller', () => {
    const { paidWith: _card, taxRateBps: _rate, ...older } = state.invoices['inv-design-1']!;
    const { seller: _seller, ...plainOrg } = organization;
    const doc = invoiceDocument({ invoice: older as Invoice, organization: plainOrg, cards });
    expect(doc.payment).toBeUndefined();
    expect(doc.taxLabel).toBe('Tax');
    expect(doc.seller).toEqual({ name: 'Northwind Labs', lines: [] });
    expect(doc.buyer).toEqual({ name: 'Billing profile bp-main', lines: [] });
  });

  it('keeps the card it records even when that card is no longer stored, without its address', () => {
    const doc = invoiceDocument({ invoice: state.invoices['inv-chat-1']!, organization, profile, account, cards: [] });
    expect(doc.payment).toBe('Paid with Visa ending 4242');
    expect(doc.buyer.lines).toEqual(['Northwind Labs', 'billing@northwind.example']);
  });

  it('names the product of a line without one from its subscription', () => {
    const invoice = state.invoices['inv-pdf-1']!;
    const older = { ...invoice, lines: invoice.lines.map(({ productName: _name, ...line }) => line) };
    expect(invoiceDocument({ invoice: older, organization, cards, productOf: () => 'Proseware PDF Editor' }).products).toBe('Proseware PDF Editor');
    expect(invoiceDocument({ invoice: older, organization, cards }).products).toBe(invoice.lines[0]!.description);
  });
});

describe('invoiceFileName', () => {
  it('is the invoice number, as a PDF', () => {
    expect(invoiceFileName({ number: 'NL-000123' })).toBe('NL-000123.pdf');
  });
});
