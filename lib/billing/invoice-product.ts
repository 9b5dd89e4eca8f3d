import type { Invoice } from './schemas';

/**
 * The products an invoice bills, named once each in line order: the name kept on the line, or,
 * for a line issued before names were kept, the subscription's product (`productOf`), else the
 * line's description.
 */
export function invoiceProducts(invoice: Pick<Invoice, 'lines'>, productOf: (subscriptionId: string) => string | undefined = () => undefined): string {
  const names = invoice.lines.map((line) => line.productName ?? productOf(line.subscriptionId) ?? line.description);
  return [...new Set(names)].join(', ');
}
