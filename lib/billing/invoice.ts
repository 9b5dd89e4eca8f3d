import type { IsoDate } from '../dates';
import type { Currency, MinorUnits } from '../money';
import type { Invoice, InvoiceLine } from './schemas';
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

/** Tax is computed once on the subtotal, not per line, so lines never disagree with the total by a rounding cent. */
export function buildInvoice(draft: InvoiceDraft, existingInvoiceCount: number): Invoice {
  const { taxRateBps, ...rest } = draft;
  const amounts = amountsFor(
    draft.lines.reduce((sum, line) => sum + line.amount, 0),
    taxRateBps,
  );
  return {
    ...rest,
    number: invoiceNumber(existingInvoiceCount + 1),
    ...amounts,
    status: amounts.total < 0 ? 'credit' : 'paid',
  };
}
