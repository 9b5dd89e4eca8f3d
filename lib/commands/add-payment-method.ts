import { BRAND_LABELS, cardEntryErrors, checkCardEntry } from '../billing/card';
import { findSameCard } from '../billing/same-card';
import type { PaymentMethod } from '../billing/schemas';
import type { Change } from '../doc/change';
import type { PurchaserState } from '../state';
import { AddPaymentMethodInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** Only the brand, last four digits, expiry and the processor's token are kept; the number and security code end here. */
export function addPaymentMethod(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = AddPaymentMethodInput.safeParse(input);
  // Every wrong field at once: what the schema refused and what the card checks still find.
  if (!parsed.success) return fail({ ...issuesToErrors(parsed.error.issues), ...cardEntryErrors(input, ctx.now) });
  const { profileId, expMonth, expYear, nameOnCard, address, makeDefault, cardRef } = parsed.data;

  const profile = state.billingProfiles[profileId];
  if (!profile) return fail({ form: 'This billing profile no longer exists' });
  const card = checkCardEntry(parsed.data, ctx.now);
  if (!card.ok) return fail(card.errors);
  const same = findSameCard(Object.values(state.paymentMethods), { profileId, brand: card.brand, last4: card.last4, expMonth, expYear });
  if (same) return fail({ number: `This card is already saved: ${BRAND_LABELS[same.brand]} ending ${same.last4}, expires ${String(expMonth).padStart(2, '0')}/${expYear}` });

  const method: PaymentMethod = {
    id: ctx.newId(),
    profileId,
    brand: card.brand,
    last4: card.last4,
    expMonth,
    expYear,
    nameOnCard,
    address,
    updatedAt: ctx.now,
    ...(cardRef ? { cardRef } : {}),
  };
  const changes: Change[] = [{ op: 'put', collection: 'paymentMethods', id: method.id, fields: method }];
  if (makeDefault) changes.push({ op: 'put', collection: 'billingProfiles', id: profile.id, fields: { paymentMethodId: method.id } });
  return {
    ok: true,
    changes,
    message: `Added ${BRAND_LABELS[card.brand]} ending ${card.last4}${makeDefault ? ` as the payment method of ${profile.name}` : ''}`,
  };
}
