import { addMonths, isCalendarDate, toIsoDate, type IsoDate, type IsoDateTime } from '../dates';
import type { InvoiceRange } from '../commands/inputs';
import type { FieldErrors } from '../commands/result';
import type { Invoice } from './schemas';

export const DEFAULT_INVOICE_RANGE: InvoiceRange = { kind: 'past3' };

/** Long enough for a fiscal year with margin, short enough to keep the list readable. */
export const MAX_RANGE_MONTHS = 24;

const PAST_MONTHS = { past3: 3, past6: 6 } as const;

/** First and last issue day the range covers, both inclusive. */
export function rangeBounds(range: InvoiceRange, now: IsoDateTime): { from: IsoDate; to: IsoDate } {
  if (range.kind === 'range') return { from: range.from, to: range.to };
  const today = toIsoDate(now);
  return { from: addMonths(today, -PAST_MONTHS[range.kind]), to: today };
}

/** Errors for a custom range, keyed `from` and `to`; empty when the range can be shown. */
export function validateInvoiceRange(range: InvoiceRange, now: IsoDateTime): FieldErrors {
  if (range.kind !== 'range') return {};
  const today = toIsoDate(now);
  const errors: FieldErrors = {};
  for (const field of ['from', 'to'] as const) {
    if (!isCalendarDate(range[field])) errors[field] = 'Enter a real date';
    else if (range[field] > today) errors[field] = 'Pick a date up to today';
  }
  if (errors.from || errors.to) return errors;
  if (range.from > range.to) return { to: 'Pick an end date on or after the start date' };
  if (range.to > addMonths(range.from, MAX_RANGE_MONTHS)) return { to: `Pick a range of up to ${MAX_RANGE_MONTHS} months` };
  return {};
}

/** Invoices issued within the range, newest first. */
export function invoicesInRange(invoices: readonly Invoice[], range: InvoiceRange, now: IsoDateTime): Invoice[] {
  const { from, to } = rangeBounds(range, now);
  return invoices
    .filter((invoice) => invoice.issuedOn >= from && invoice.issuedOn <= to)
    .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number));
}
