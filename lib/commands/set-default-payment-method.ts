import { BRAND_LABELS, isExpired } from '../billing/card';
import { canPay } from '../billing/payable-cards';
import type { PurchaserState } from '../state';
import { SetDefaultPaymentMethodInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** Makes the card its billing profile's default: it pays the profile's invoices and Buy offers it first. */
export function setDefaultPaymentMethod(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = SetDefaultPaymentMethodInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const card = state.paymentMethods[parsed.data.paymentMethodId];
  if (!card) return fail({ form: 'This payment method no longer exists' });
  const profile = state.billingProfiles[card.profileId];
  if (!profile) return fail({ form: 'This card’s billing profile no longer exists' });
  const label = `${BRAND_LABELS[card.brand]} ending ${card.last4}`;
  if (profile.paymentMethodId === card.id) return fail({ form: `${label} is already the default` });
  if (!canPay(card, ctx.billing === 'server')) return fail({ form: `${label} was added without the sync server and cannot be charged. Replace it while online first.` });
  if (isExpired(card, ctx.now)) return fail({ form: `${label} has expired. Update it first.` });
  return {
    ok: true,
    changes: [{ op: 'put', collection: 'billingProfiles', id: profile.id, fields: { paymentMethodId: card.id } }],
    message: `${label} is now the default for ${profile.name}`,
  };
}
