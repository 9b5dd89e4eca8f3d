import { formatDay } from '../dates';
import type { PurchaserState } from '../state';
import { effectiveStatus } from '../subscriptions/status';
import { ReactivateInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** Undoes a cancellation while the paid term is still running; afterwards the product must be bought again. */
export function reactivate(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = ReactivateInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));

  const sub = state.subscriptions[parsed.data.subscriptionId];
  if (!sub) return fail({ form: 'This subscription no longer exists' });
  const status = effectiveStatus(sub, ctx.now);
  if (status === 'active') return fail({ form: 'This subscription is already active' });
  if (status === 'expired') return fail({ form: `This subscription ended on ${formatDay(sub.renewsOn)}. Buy it again to keep using it.` });

  return {
    ok: true,
    changes: [
      { op: 'put', collection: 'subscriptions', id: sub.id, fields: { status: 'active' } },
      { op: 'unset', collection: 'subscriptions', id: sub.id, field: 'cancellation' },
    ],
    message: `Reactivated ${sub.productName}. It renews on ${formatDay(sub.renewsOn)}.`,
  };
}
