import { otherErrors } from '../lib/commands/form-errors';
import type { FieldErrors } from '../lib/commands/result';

/** The form's general errors (`form`, or keys it has no field for), announced and focusable. */
export function FormError({ errors, fields }: { errors: FieldErrors; fields: readonly string[] }) {
  const messages = otherErrors(errors, fields);
  if (!messages.length) return null;
  return (
    <div class="form-error" role="alert" tabIndex={-1} data-form-error>
      {messages.map((m) => (
        <p key={m}>
          <span aria-hidden="true">⚠ </span>
          {m}
        </p>
      ))}
    </div>
  );
}
