import { BRAND_LABELS, expiryErrors, securityCodeError } from '../billing/card';
import type { PurchaserState } from '../state';
import { EditPaymentMethodInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** The security code proves the card is at hand; it is checked and never stored. */
export function editPaymentMethod(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = EditPaymentMethodInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { paymentMethodId, securityCode, expMonth, expYear, nameOnCard, address } = parsed.data;

  const method = state.paymentMethods[paymentMethodId];
  if (!method) return fail({ form: 'This payment method no longer exists' });
  const errors = expiryErrors({ expMonth, expYear }, ctx.now);
  const codeError = securityCodeError(securityCode, method.brand);
  if (codeError) errors.securityCode = codeError;
  if (Object.keys(errors).length) return fail(errors);

  return {
    ok: true,
    changes: [
      {
        op: 'put',
        collection: 'paymentMethods',
        id: method.id,
        fields: { expMonth, expYear, nameOnCard, address, updatedAt: ctx.now },
      },
    ],
    message: `Updated ${BRAND_LABELS[method.brand]} ending ${method.last4}`,
  };
}
