import type { PurchaserState } from '../state';
import { effectiveStatus, freeLicenses } from '../subscriptions/status';
import { orgViewOf } from '../rules/org-view';
import { outsiders } from '../rules/purchase-rules';
import { plural } from '../text/plural';
import { freeLicensesRefusal } from './assign-picks';
import { AssignInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

export function assign(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = AssignInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { subscriptionId, personIds } = parsed.data;

  const sub = state.subscriptions[subscriptionId];
  if (!sub) return fail({ form: 'This subscription no longer exists' });
  // A canceled subscription is still usable until it expires, so people can still be given licenses.
  if (effectiveStatus(sub, ctx.now) === 'expired') return fail({ form: 'This subscription has expired' });
  if (new Set(personIds).size !== personIds.length) return fail({ personIds: 'Each person can be picked only once' });

  const org = orgViewOf(ctx.org);
  if (outsiders(org, personIds).length) return fail({ personIds: `Only people in ${org.orgName} can get licenses` });
  const people = personIds.map((id) => org.member(id)!);
  const alreadyAssigned = people.filter((p) => p.id in sub.assigned).map((p) => p.displayName);
  if (alreadyAssigned.length) {
    return fail({ personIds: `${alreadyAssigned.join(', ')} already ${alreadyAssigned.length === 1 ? 'has a license' : 'have licenses'}` });
  }
  const tooMany = freeLicensesRefusal(personIds.length, freeLicenses(sub));
  if (tooMany) return fail({ personIds: tooMany });

  const entries = Object.fromEntries(personIds.map((id) => [id, ctx.now]));
  const first = people[0]?.displayName ?? '';
  return {
    ok: true,
    changes: [{ op: 'mapSet', collection: 'subscriptions', id: sub.id, field: 'assigned', entries }],
    message: personIds.length === 1
      ? `Assigned a ${sub.productName} license to ${first}`
      : `Assigned ${sub.productName} licenses to ${plural(personIds.length, 'person', 'people')}`,
  };
}
