import * as z from 'zod/mini';
import { IsoDate } from '../schemas/dates';
import { Address } from '../billing/schemas';
import { Id, Term } from '../org/schemas';
import { CancelReason } from '../subscriptions/schema';

/**
 * The form inputs of every command, as the UI sends them. These schemas are the contract between
 * popup/options and the background; the commands check everything that depends on state.
 */
const wholeNumber = (what: string) => z.int(`Enter a whole number of ${what}`);

export const BuyInput = z.object({
  productId: Id,
  licenses: wholeNumber('licenses').check(z.gte(1, 'Buy at least 1 license')),
  term: Term,
  paymentMethodId: Id,
});

export const SetLicensesInput = z.object({
  subscriptionId: Id,
  total: wholeNumber('licenses').check(z.gte(1, 'Keep at least 1 license, or cancel the subscription')),
});

export const AssignInput = z.object({
  subscriptionId: Id,
  personIds: z.array(Id).check(
    z.minLength(1, 'Pick at least one person'),
    z.maxLength(20, 'You can assign up to 20 people at a time'),
  ),
});

export const UnassignInput = z.object({
  subscriptionId: Id,
  personIds: z.array(Id).check(z.minLength(1, 'Select at least one person')),
});

export const RetryPaymentInput = z.object({ subscriptionId: Id });
export type RetryPaymentInput = z.infer<typeof RetryPaymentInput>;

export const PayWithCardInput = z.object({ subscriptionId: Id, paymentMethodId: Id });
export type PayWithCardInput = z.infer<typeof PayWithCardInput>;

export const CancelInput = z.object({
  subscriptionId: Id,
  reason: z.enum(CancelReason.options, 'Pick a reason'),
  feedback: z.string().check(z.trim(), z.maxLength(1000, 'Feedback can be at most 1,000 characters')),
});

export const ReactivateInput = z.object({ subscriptionId: Id });

const month = z.int('Choose a month').check(z.gte(1, 'Choose a month'), z.lte(12, 'Choose a month'));
const year = z.int('Choose a year').check(z.gte(2000, 'Choose a year'), z.lte(2100, 'Choose a year'));
const securityCode = z.string().check(z.regex(/^\d{3,4}$/, 'Enter the 3 or 4 digit security code'));
const nameOnCard = z.string().check(z.trim(), z.minLength(1, 'Enter the name on the card'), z.maxLength(100));
const cardNumber = z.string().check(z.minLength(1, 'Enter the card number'));
/** Set by the background after the sync server's payment processor tokenized the card; never by a page. */
const cardRef = z.optional(z.string());

/** Adds a card to a billing profile. The number and security code are checked, then dropped. */
export const AddPaymentMethodInput = z.object({
  profileId: Id,
  number: cardNumber,
  securityCode,
  expMonth: month,
  expYear: year,
  nameOnCard,
  address: Address,
  /** Make it the profile's payment method. */
  makeDefault: z.boolean(),
  cardRef,
});

/** Edits what can change on a card without a new number. */
export const EditPaymentMethodInput = z.object({
  paymentMethodId: Id,
  securityCode,
  expMonth: month,
  expYear: year,
  nameOnCard,
  address: Address,
});

/** Puts a new card in place of an existing one; subscriptions paid by it keep working. */
export const ReplacePaymentMethodInput = z.object({
  paymentMethodId: Id,
  number: cardNumber,
  securityCode,
  expMonth: month,
  expYear: year,
  nameOnCard,
  address: Address,
  cardRef,
});

/** Removes a card that pays no running subscription. */
export const RemovePaymentMethodInput = z.object({ paymentMethodId: Id });

/** Makes the card the one that pays its billing profile's invoices, preselected when buying. */
export const SetDefaultPaymentMethodInput = z.object({ paymentMethodId: Id });

export const SupportRequestInput = z.object({
  subject: z.string().check(z.trim(), z.minLength(1, 'Enter a subject'), z.maxLength(200, 'Keep the subject under 200 characters')),
  message: z.string().check(z.trim(), z.minLength(1, 'Describe what you need help with'), z.maxLength(5000)),
  email: z.email('Enter an email address we can reply to'),
});

export const InvoiceRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('past3') }),
  z.object({ kind: z.literal('past6') }),
  z.object({ kind: z.literal('range'), from: IsoDate, to: IsoDate }),
]);
export type InvoiceRange = z.infer<typeof InvoiceRange>;

export type BuyInput = z.infer<typeof BuyInput>;
export type SetLicensesInput = z.infer<typeof SetLicensesInput>;
export type AssignInput = z.infer<typeof AssignInput>;
export type UnassignInput = z.infer<typeof UnassignInput>;
export type CancelInput = z.infer<typeof CancelInput>;
export type ReactivateInput = z.infer<typeof ReactivateInput>;
export type AddPaymentMethodInput = z.infer<typeof AddPaymentMethodInput>;
export type EditPaymentMethodInput = z.infer<typeof EditPaymentMethodInput>;
export type ReplacePaymentMethodInput = z.infer<typeof ReplacePaymentMethodInput>;
export type SupportRequestInput = z.infer<typeof SupportRequestInput>;
export type RemovePaymentMethodInput = z.infer<typeof RemovePaymentMethodInput>;
export type SetDefaultPaymentMethodInput = z.infer<typeof SetDefaultPaymentMethodInput>;
