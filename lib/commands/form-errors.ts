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

/** A form's values by field name, as its command input names them. */
export type FormValues = Readonly<Record<string, unknown>>;

/**
 * What a form still shows once the person has edited it since `shown` came back for `shownFor`:
 * - an error the form's own check (`problems`, the command's pure validation run on `values`) still
 *   finds stays, with the check's message for the value there now;
 * - an error of a field whose value changed and that the check finds valid is gone;
 * - an error of an unchanged field stays (the command may know what the page cannot, a refused card),
 *   and so do errors of no field (`form`) until the next submit.
 */
export function liveErrors(shown: FieldErrors, shownFor: FormValues, values: FormValues, problems: FieldErrors): FieldErrors {
  const live: FieldErrors = {};
  for (const [key, message] of Object.entries(shown)) {
    const field = key.split('.')[0]!;
    if (!(field in values)) {
      live[key] = message;
      continue;
    }
    const problem = Object.entries(problems).find(([k]) => k === field || k.startsWith(`${field}.`));
    if (problem) live[problem[0]] = problem[1];
    else if (JSON.stringify(values[field]) === JSON.stringify(shownFor[field])) live[key] = message;
  }
  return live;
}
