import type { IsoDate } from '../dates';
import type { Currency, MinorUnits } from '../money';
import type { Invoice, InvoiceCard, InvoiceLine } from './schemas';
import { taxOn } from './tax';

export interface InvoiceDraft {
  id: string;
  issuedOn: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  billingProfileId: string;
  lines: InvoiceLine[];
  currency: Currency;
  taxRateBps: number;
  /** The card charged (or credited), when known. */
  paidWith?: InvoiceCard;
}

export interface Amounts {
  subtotal: MinorUnits;
  tax: MinorUnits;
  total: MinorUnits;
}

export function amountsFor(subtotal: MinorUnits, taxRateBps: number): Amounts {
  const tax = taxOn(subtotal, taxRateBps);
  return { subtotal, tax, total: subtotal + tax };
}

/** `SK-000123`: numbers count up per purchaser, one per invoice ever issued to them. */
export function invoiceNumber(sequence: number): string {
  return `SK-${String(sequence).padStart(6, '0')}`;
}

/**
 * `NL-000042`: the server's numbers count up per organization. The prefix is the initials of the
 * organization's name (its first two letters for a one-word name), so invoices of different
 * organizations are told apart at a glance.
 */
export function orgInvoiceNumber(organizationName: string, sequence: number): string {
  const words = organizationName.toUpperCase().match(/[A-Z0-9]+/g) ?? ['INV'];
  const prefix = words.length > 1 ? words.slice(0, 3).map((w) => w[0]).join('') : words[0]!.slice(0, 2);
  return `${prefix}-${String(sequence).padStart(6, '0')}`;
}

/** What an invoice records of the card that paid it. */
export function invoiceCard(card: { id: string; brand: InvoiceCard['brand']; last4: string }): InvoiceCard {
  return { paymentMethodId: card.id, brand: card.brand, last4: card.last4 };
}

/** A device's invoice, numbered by how many the purchaser has (see `invoiceNumber`). */
export function buildInvoice(draft: InvoiceDraft, existingInvoiceCount: number): Invoice {
  return numberedInvoice(draft, invoiceNumber(existingInvoiceCount + 1));
}

/** Tax is computed once on the subtotal, not per line, so lines never disagree with the total by a rounding cent. */
export function numberedInvoice(draft: InvoiceDraft, number: string): Invoice {
  const amounts = amountsFor(
    draft.lines.reduce((sum, line) => sum + line.amount, 0),
    draft.taxRateBps,
  );
  return { ...draft, number, ...amounts, status: amounts.total < 0 ? 'credit' : 'paid' };
}
