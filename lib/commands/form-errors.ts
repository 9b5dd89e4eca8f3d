import type { FieldErrors } from './result';

// Apart from result.ts: importing a value from there brings zod into the page bundle (its
// FieldErrors schema), which the popup's 50 kB budget has no room for.

/** Messages that no field on the form shows: `form`, and keys the form has no field for. */
export function otherErrors(errors: FieldErrors, fields: readonly string[]): string[] {
  const messages: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const shown = fields.some((f) => key === f || key.startsWith(`${f}.`));
    if (!shown && !messages.includes(message)) messages.push(message);
  }
  return messages;
}
