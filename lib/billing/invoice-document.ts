import { BRAND_LABELS } from './card';
import { formatDay } from '../dates';
import { formatMoney, type Currency } from '../money';
import type { Organization } from '../org/schemas';
import { invoicePeriod } from './invoice-period';
import { invoiceProducts } from './invoice-product';
import type { Address, BillingAccount, BillingProfile, Invoice, InvoiceStatus, PaymentMethod } from './schemas';

/** A name and the lines under it (address, email), as printed. */
export interface InvoiceParty {
  name: string;
  lines: string[];
}

export interface InvoiceDocumentLine {
  description: string;
  quantity: string;
  amount: string;
}

/** Everything printed on an invoice, as text: the renderer only lays it out. */
export interface InvoiceDocument {
  fileName: string;
  title: 'Invoice' | 'Credit note';
  number: string;
  issued: string;
  period: string;
  products: string;
  status: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  lines: InvoiceDocumentLine[];
  subtotal: string;
  /** `Tax (8.25 %)`, or `Tax` for an invoice that did not keep its rate. */
  taxLabel: string;
  tax: string;
  total: string;
  currency: Currency;
  /** `Paid with Visa ending 4242`; absent when the invoice does not record its card. */
  payment?: string;
}

export interface InvoiceSources {
  invoice: Invoice;
  organization: Organization;
  profile?: BillingProfile;
  account?: BillingAccount;
  /** The purchaser's cards: the address of the card that paid is the buyer's billing address. */
  cards: readonly PaymentMethod[];
  /** Product names of subscriptions, for lines that do not name theirs. */
  productOf?: (subscriptionId: string) => string | undefined;
}

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = { paid: 'Paid', due: 'Due', credit: 'Credit' };

export function invoiceFileName(invoice: Pick<Invoice, 'number'>): string {
  return `${invoice.number}.pdf`;
}

/**
 * What goes on an invoice's PDF. The seller is the organization's seller of record, or the
 * organization itself when it has none; the buyer is the billing profile, its account and the
 * billing address of the card that paid. The card is the one the invoice records (the server
 * writes the card it charged): a card chosen later for the subscription did not pay this invoice,
 * so an invoice without a recorded card names none.
 */
export function invoiceDocument({ invoice, organization, profile, account, cards, productOf }: InvoiceSources): InvoiceDocument {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const seller = organization.seller;
  const card = invoice.paidWith && cards.find((c) => c.id === invoice.paidWith!.paymentMethodId);
  const credit = invoice.status === 'credit';
  return {
    fileName: invoiceFileName(invoice),
    title: credit ? 'Credit note' : 'Invoice',
    number: invoice.number,
    issued: formatDay(invoice.issuedOn),
    period: invoicePeriod(invoice),
    products: invoiceProducts(invoice, productOf),
    status: INVOICE_STATUS_LABELS[invoice.status],
    seller: seller
      ? { name: seller.name, lines: [...seller.address, ...(seller.taxId ? [`Tax ID: ${seller.taxId}`] : [])] }
      : { name: organization.name, lines: [] },
    buyer: {
      name: profile?.name ?? account?.name ?? `Billing profile ${invoice.billingProfileId}`,
      lines: [
        ...(account && account.name !== profile?.name ? [account.name] : []),
        ...(card ? addressLines(card.address) : []),
        ...(profile ? [profile.invoiceEmail] : []),
      ],
    },
    lines: invoice.lines.map((line) => ({ description: line.description, quantity: String(line.quantity), amount: money(line.amount) })),
    subtotal: money(invoice.subtotal),
    taxLabel: invoice.taxRateBps === undefined ? 'Tax' : `Tax (${percent(invoice.taxRateBps)})`,
    tax: money(invoice.tax),
    total: money(invoice.total),
    currency: invoice.currency,
    ...(invoice.paidWith
      ? { payment: `${credit ? 'Credited to' : 'Paid with'} ${BRAND_LABELS[invoice.paidWith.brand]} ending ${invoice.paidWith.last4}` }
      : {}),
  };
}

/** 825 → `8.25 %`, 2000 → `20 %`. */
function percent(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')} %`;
}

const regions = new Intl.DisplayNames('en', { type: 'region' });

function addressLines(address: Address): string[] {
  const place = [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.line1, address.line2, place, regions.of(address.country) ?? address.country].filter(Boolean);
}
