import { BRAND_LABELS } from '../billing/card';
import { canPay } from '../billing/payable-cards';
import type { Change } from '../doc/change';
import { cardRemovalRefusal } from '../rules/card-in-use';
import type { PurchaserState } from '../state';
import { RemovePaymentMethodInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/**
 * Removes a card no running subscription pays (`cardRemovalRefusal`, which the server applies too).
 * When it was its profile's default, another card of the profile that can pay takes over, if any.
 */
export function removePaymentMethod(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = RemovePaymentMethodInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const card = state.paymentMethods[parsed.data.paymentMethodId];
  if (!card) return fail({ form: 'This payment method no longer exists' });
  const refusal = cardRemovalRefusal(card, Object.values(state.subscriptions), ctx.now);
  if (refusal) return fail({ form: refusal });

  const label = `${BRAND_LABELS[card.brand]} ending ${card.last4}`;
  const changes: Change[] = [{ op: 'remove', collection: 'paymentMethods', id: card.id }];
  const profile = state.billingProfiles[card.profileId];
  if (profile?.paymentMethodId !== card.id) return { ok: true, changes, message: `Removed ${label}` };
  const next = Object.values(state.paymentMethods)
    .filter((other) => other.id !== card.id && other.profileId === card.profileId && canPay(other, ctx.billing === 'server'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!next) {
    changes.push({ op: 'unset', collection: 'billingProfiles', id: profile.id, field: 'paymentMethodId' });
    return { ok: true, changes, message: `Removed ${label}` };
  }
  changes.push({ op: 'put', collection: 'billingProfiles', id: profile.id, fields: { paymentMethodId: next.id } });
  return { ok: true, changes, message: `Removed ${label}; ${BRAND_LABELS[next.brand]} ending ${next.last4} is now the default` };
}
