import type { PurchaserState } from '../state';
import { plural } from '../text/plural';
import { UnassignInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

export function unassign(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = UnassignInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { subscriptionId, personIds } = parsed.data;

  const sub = state.subscriptions[subscriptionId];
  if (!sub) return fail({ form: 'This subscription no longer exists' });
  const notAssigned = personIds.filter((id) => !(id in sub.assigned));
  if (notAssigned.length) {
    const names = notAssigned.map((id) => ctx.org.directory.find((p) => p.id === id)?.displayName ?? id);
    return fail({ personIds: `${names.join(', ')} ${names.length === 1 ? "doesn't have a license" : "don't have licenses"}` });
  }

  const keys = [...new Set(personIds)];
  return {
    ok: true,
    changes: [{ op: 'mapDelete', collection: 'subscriptions', id: sub.id, field: 'assigned', keys }],
    message: `Unassigned ${plural(keys.length, `${sub.productName} license`)}`,
  };
}
