import { formatDay } from '../dates';
import { withinRefundWindow } from '../rules/refund-window';
import type { PurchaserState } from '../state';
import type { Cancellation } from '../subscriptions/schema';
import { effectiveStatus } from '../subscriptions/status';
import { CancelInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** Cancels renewal only: the licenses stay usable until the end of the paid term. */
export function cancel(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = CancelInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { subscriptionId, reason, feedback } = parsed.data;

  const sub = state.subscriptions[subscriptionId];
  if (!sub) return fail({ form: 'This subscription no longer exists' });
  const status = effectiveStatus(sub, ctx.now);
  if (status !== 'active') return fail({ form: `This subscription is already ${status}` });

  const cancellation: Cancellation = { reason, feedback, canceledAt: ctx.now };
  // Within the refund window the sync server ends it today and refunds the unused part (judgeSubscription).
  const refunded = ctx.billing === 'server' && withinRefundWindow(sub.startedOn, ctx.now);
  return {
    ok: true,
    changes: [{ op: 'put', collection: 'subscriptions', id: sub.id, fields: { status: 'canceled', cancellation } }],
    message: refunded
      ? `Canceled ${sub.productName}. It ends today, and the unused part is refunded.`
      : `Canceled ${sub.productName}. It stays usable until ${formatDay(sub.renewsOn)}.`,
  };
}
