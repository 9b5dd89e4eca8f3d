import type { PurchaserState } from '../state';
import type { SupportRequest } from '../support/schema';
import { SupportRequestInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

export function submitSupportRequest(_state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = SupportRequestInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));

  const request: SupportRequest = { id: ctx.newId(), ...parsed.data, createdAt: ctx.now, status: 'queued' };
  return {
    ok: true,
    changes: [{ op: 'put', collection: 'supportRequests', id: request.id, fields: request }],
    message: `Support request submitted. IT will reply to ${request.email}.`,
  };
}
