import * as z from 'zod/mini';
import { IsoDate } from '../schemas/dates';
import { Address } from '../billing/schemas';
import { Id, Term } from '../org/schemas';
import { MAX_PICKS, PICK_SOMEONE } from './assign-picks';
import { KEEP_A_LICENSE, WHOLE_LICENSES } from './license-total';
import { CancelReason } from '../subscriptions/schema';

/**
 * The form inputs of every command, as the UI sends them. These schemas are the contract between
 * popup/options and the background; the commands check everything that depends on state.
 */
/** An id the person picked from a list: when it is missing or malformed, `message` says what to pick. */
const picked = (message: string) => z.string(message).check(z.minLength(1, message), z.maxLength(64, message));
const subscriptionId = picked('This subscription no longer exists. Close this pane and try again.');

export const BuyInput = z.object({
  productId: picked('Choose a product'),
  licenses: z.int(WHOLE_LICENSES).check(z.gte(1, 'Buy at least 1 license')),
  term: z.enum(Term.options, 'Choose monthly or annual'),
  paymentMethodId: picked('Choose a payment method'),
});

export const SetLicensesInput = z.object({
  subscriptionId,
  total: z.int(WHOLE_LICENSES).check(z.gte(1, KEEP_A_LICENSE)),
});

export const AssignInput = z.object({
  subscriptionId,
  personIds: z.array(picked('Pick people from your organization')).check(
    z.minLength(1, PICK_SOMEONE),
    z.maxLength(MAX_PICKS, `You can assign up to ${MAX_PICKS} people at a time`),
  ),
});

export const UnassignInput = z.object({
  subscriptionId,
  personIds: z.array(picked('Select people who have a license')).check(z.minLength(1, 'Select at least one person')),
});

export const RetryPaymentInput = z.object({ subscriptionId: Id });
export type RetryPaymentInput = z.infer<typeof RetryPaymentInput>;

export const PayWithCardInput = z.object({ subscriptionId: Id, paymentMethodId: Id });
export type PayWithCardInput = z.infer<typeof PayWithCardInput>;

export const CancelInput = z.object({
  subscriptionId,
  reason: z.enum(CancelReason.options, 'Pick a reason'),
  feedback: z.string().check(z.trim(), z.maxLength(1000, 'Feedback can be at most 1,000 characters')),
});

export const ReactivateInput = z.object({ subscriptionId });

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
  message: z.string().check(z.trim(), z.minLength(1, 'Describe what you need help with'), z.maxLength(5000, 'Keep the message under 5,000 characters')),
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
