import * as z from 'zod/mini';
import type { Change } from '../doc/change';
import type { IsoDateTime } from '../dates';
import type { OrgData } from '../org/schemas';

/** Messages keyed by form field name; `form` holds an error that belongs to no single field. */
export const FieldErrors = z.record(z.string(), z.string());
export type FieldErrors = z.infer<typeof FieldErrors>;

export type CommandResult =
  | { ok: true; changes: Change[]; message: string }
  | { ok: false; errors: FieldErrors };

export interface CommandContext {
  now: IsoDateTime;
  org: OrgData;
  newId: () => string;
  /**
   * Who issues invoices: the device (`local`, the demo) or the sync server (`server`, once the
   * document belongs to an account), which bills purchases and license changes when it accepts them.
   */
  billing: 'local' | 'server';
  /**
   * Whether the server's last charge of a subscription failed, as this device last heard (its
   * payment notices); undefined when it cannot tell (replaying a journal), then the server judges.
   */
  paymentFailed?(subscriptionId: string): boolean;
}

export function fail(errors: FieldErrors): CommandResult {
  return { ok: false, errors };
}

/** Turns zod issues into one message per top-level-ish field path (`address.city`). */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Every field of `input` that `schema` refuses, at once; nothing when it parses. */
export function inputErrors(schema: z.ZodMiniType, input: unknown): FieldErrors {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : issuesToErrors(parsed.error.issues);
}
