import * as z from 'zod/mini';
import { IsoDate, IsoDateTime } from '../schemas/dates';
import { Currency, MinorUnits } from '../schemas/money';
import { Id } from '../org/schemas';

export const BillingAccount = z.object({ id: Id, name: z.string().check(z.minLength(1)), type: z.string() });
export type BillingAccount = z.infer<typeof BillingAccount>;

export const BillingProfile = z.object({
  id: Id,
  accountId: Id,
  name: z.string().check(z.minLength(1)),
  invoiceEmail: z.email(),
  /** The payment method that pays this profile's invoices. */
  paymentMethodId: z.optional(Id),
});
export type BillingProfile = z.infer<typeof BillingProfile>;

export const Address = z.object({
  line1: z.string().check(z.trim(), z.minLength(1, 'Enter the street address'), z.maxLength(200)),
  line2: z.string().check(z.trim(), z.maxLength(200)),
  city: z.string().check(z.trim(), z.minLength(1, 'Enter the city'), z.maxLength(100)),
  region: z.string().check(z.trim(), z.maxLength(100)),
  postalCode: z.string().check(z.trim(), z.minLength(1, 'Enter the postal code'), z.maxLength(20)),
  country: z.string().check(z.regex(/^[A-Z]{2}$/, 'Choose a country')),
});
export type Address = z.infer<typeof Address>;

export const CardBrand = z.enum(['visa', 'mastercard', 'amex', 'discover']);
export type CardBrand = z.infer<typeof CardBrand>;

/** What is kept of a card. Never the full number, never the security code. */
export const PaymentMethod = z.object({
  id: Id,
  profileId: Id,
  brand: CardBrand,
  last4: z.string().check(z.regex(/^\d{4}$/)),
  expMonth: z.int().check(z.gte(1), z.lte(12)),
  expYear: z.int().check(z.gte(2000), z.lte(2100)),
  nameOnCard: z.string().check(z.minLength(1)),
  address: Address,
  updatedAt: IsoDateTime,
  /**
   * The sync server's reference to the card, when it was added while signed in: the server keeps the
   * payment processor's token behind it and charges it only for this purchaser. Without one the
   * server cannot take payment.
   */
  cardRef: z.optional(z.string().check(z.regex(/^card_[A-Za-z0-9]{8,64}$/))),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const InvoiceLine = z.object({
  description: z.string(),
  subscriptionId: Id,
  quantity: z.int(),
  /** Amount of this line in minor units; negative for a credit. */
  amount: MinorUnits,
  /** The product billed, as named when billed (lines issued before it was kept have none). */
  productName: z.optional(z.string()),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const InvoiceStatus = z.enum(['paid', 'due', 'credit']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

/** The card an invoice was charged to (or a credit issued to), as it was when billed. */
export const InvoiceCard = z.object({
  paymentMethodId: Id,
  brand: CardBrand,
  last4: z.string().check(z.regex(/^\d{4}$/)),
});
export type InvoiceCard = z.infer<typeof InvoiceCard>;

export const Invoice = z.object({
  id: Id,
  number: z.string(),
  issuedOn: IsoDate,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  billingProfileId: Id,
  lines: z.array(InvoiceLine),
  subtotal: MinorUnits,
  tax: MinorUnits,
  total: MinorUnits,
  currency: Currency,
  status: InvoiceStatus,
  /** The tax rate applied, in basis points; invoices issued before it was kept have none. */
  taxRateBps: z.optional(z.int().check(z.gte(0), z.lte(5000))),
  /** Which card paid; recorded by whoever issued the invoice (the server, or the device in the demo). */
  paidWith: z.optional(InvoiceCard),
});
export type Invoice = z.infer<typeof Invoice>;

/**
 * What the server did about one purchase or license change: `charged` the card, issued a credit
 * (`credited`), found nothing to bill (`nothing-due`, the last day of a term), or could not take
 * payment (`declined` by the processor, or `no-payment-method`: the card has no processor token).
 * When a purchase is undone or canceled within the refund window: `refunded` (a credit invoice for
 * what was paid, or its unused part), and a charge never taken becomes `voided` (nothing to pay).
 */
export const ChargeStatus = z.enum(['charged', 'credited', 'nothing-due', 'declined', 'no-payment-method', 'refunded', 'voided']);
export type ChargeStatus = z.infer<typeof ChargeStatus>;

export const Charge = z.object({
  subscriptionId: Id,
  /** The change billed: `licensesChangeKey` of the subscription when the server accepted it. */
  changeKey: z.string().check(z.minLength(1), z.maxLength(200)),
  status: ChargeStatus,
  /** The invoice issued for it; none when nothing was charged or credited. */
  invoiceId: z.optional(Id),
  /** The invoice total: positive for a charge, negative for a credit. */
  amount: MinorUnits,
  currency: Currency,
  message: z.string(),
  at: IsoDateTime,
  /** The subscription's `paymentRetry` this outcome answers, when it answers a purchaser's "pay again". */
  retryOf: z.optional(IsoDateTime),
});
export type Charge = z.infer<typeof Charge>;
