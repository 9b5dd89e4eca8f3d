import { BRAND_LABELS, cardEntryErrors, checkCardEntry } from '../billing/card';
import type { PurchaserState } from '../state';
import { ReplacePaymentMethodInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** The new card takes over the old one's id, so every subscription paid by it keeps working untouched. */
export function replacePaymentMethod(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = ReplacePaymentMethodInput.safeParse(input);
  // Every wrong field at once: what the schema refused and what the card checks still find.
  if (!parsed.success) return fail({ ...issuesToErrors(parsed.error.issues), ...cardEntryErrors(input, ctx.now) });
  const { paymentMethodId, expMonth, expYear, nameOnCard, address, cardRef } = parsed.data;

  const old = state.paymentMethods[paymentMethodId];
  if (!old) return fail({ form: 'This payment method no longer exists' });
  const card = checkCardEntry(parsed.data, ctx.now);
  if (!card.ok) return fail(card.errors);

  const fields = { brand: card.brand, last4: card.last4, expMonth, expYear, nameOnCard, address, updatedAt: ctx.now };
  return {
    ok: true,
    changes: [
      // The old card's reference must not stay with the new card's details: without a new one there is none.
      cardRef
        ? { op: 'put', collection: 'paymentMethods', id: old.id, fields: { ...fields, cardRef } }
        : { op: 'put', collection: 'paymentMethods', id: old.id, fields },
      ...(cardRef || !old.cardRef ? [] : [{ op: 'unset', collection: 'paymentMethods', id: old.id, field: 'cardRef' } as const]),
    ],
    message: `Replaced ${BRAND_LABELS[old.brand]} ending ${old.last4} with ${BRAND_LABELS[card.brand]} ending ${card.last4}`,
  };
}
