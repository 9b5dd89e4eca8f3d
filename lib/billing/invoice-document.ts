import { formatDay } from '../dates';
import { formatMoney } from '../money';
import type { OrgData } from '../org/schemas';
import type { BillingProfile, Invoice, InvoiceStatus } from './schemas';

const STATUS_LABELS: Record<InvoiceStatus, string> = { paid: 'Paid', due: 'Due', credit: 'Credit' };

export function invoiceFileName(invoice: Pick<Invoice, 'number'>): string {
  return `${invoice.number}.txt`;
}

/**
 * The invoice as plain text, for download. Plain text rather than HTML so that it opens anywhere
 * and no product name or address can inject markup.
 */
export function invoiceText(invoice: Invoice, org: OrgData, profile?: BillingProfile): string {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const rows = invoice.lines.map((line) => [line.description, String(line.quantity), money(line.amount)] as const);
  const totals = [
    ['Subtotal', money(invoice.subtotal)],
    ['Tax', money(invoice.tax)],
    ['Total', money(invoice.total)],
  ] as const;
  const descWidth = Math.max('Description'.length, ...rows.map(([d]) => d.length));
  const qtyWidth = Math.max('Qty'.length, ...rows.map(([, q]) => q.length));
  const amountWidth = Math.max('Amount'.length, ...rows.map(([, , a]) => a.length), ...totals.map(([, a]) => a.length));
  const row = (d: string, q: string, a: string) => `${d.padEnd(descWidth)}  ${q.padStart(qtyWidth)}  ${a.padStart(amountWidth)}`;
  const rule = '-'.repeat(descWidth + qtyWidth + amountWidth + 4);

  return [
    org.organization.name,
    `Invoice ${invoice.number}`,
    '',
    `Issued:    ${formatDay(invoice.issuedOn)}`,
    `Period:    ${formatDay(invoice.periodStart)} to ${formatDay(invoice.periodEnd)}`,
    `Billed to: ${profile ? `${profile.name} <${profile.invoiceEmail}>` : invoice.billingProfileId}`,
    `Status:    ${STATUS_LABELS[invoice.status]}`,
    '',
    row('Description', 'Qty', 'Amount'),
    rule,
    ...rows.map(([d, q, a]) => row(d, q, a)),
    rule,
    ...totals.map(([label, amount]) => row(label, '', amount)),
    '',
  ].join('\n');
}
