import { describe, expect, it } from 'vitest';
import { amountsFor, buildInvoice, invoiceNumber, type InvoiceDraft } from '../../../lib/billing/invoice';

const draft: InvoiceDraft = {
  id: 'inv-1',
  issuedOn: '2026-04-15',
  periodStart: '2026-04-15',
  periodEnd: '2026-04-30',
  billingProfileId: 'bp-main',
  lines: [
    { description: 'Contoso Chat, 5 licenses added', subscriptionId: 'sub-chat', quantity: 5, amount: 3125 },
    { description: 'Litware Notes, 1 license added', subscriptionId: 'sub-notes', quantity: 1, amount: 200 },
  ],
  currency: 'USD',
  taxRateBps: 825,
};

describe('invoiceNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(invoiceNumber(123)).toBe('SK-000123');
    expect(invoiceNumber(1_234_567)).toBe('SK-1234567');
  });
});

describe('amountsFor', () => {
  it('adds tax to the subtotal', () => {
    expect(amountsFor(3125, 825)).toEqual({ subtotal: 3125, tax: 258, total: 3383 });
  });
});

describe('buildInvoice', () => {
  it('totals the lines, taxes the subtotal once and numbers it after the existing invoices', () => {
    expect(buildInvoice(draft, 122)).toEqual({
      id: 'inv-1',
      number: 'SK-000123',
      issuedOn: '2026-04-15',
      periodStart: '2026-04-15',
      periodEnd: '2026-04-30',
      billingProfileId: 'bp-main',
      lines: draft.lines,
      subtotal: 3325,
      // 3325 × 8.25 % = 274.3125; taxing lines separately would give 258 + 17 = 275
      tax: 274,
      total: 3599,
      currency: 'USD',
      status: 'paid',
      taxRateBps: 825,
    });
  });

  it('marks a negative total as a credit', () => {
    const credit = buildInvoice({ ...draft, lines: [{ description: 'removed', subscriptionId: 'sub-chat', quantity: -5, amount: -3125 }] }, 0);
    expect(credit).toMatchObject({ number: 'SK-000001', subtotal: -3125, tax: -258, total: -3383, status: 'credit' });
  });
});
