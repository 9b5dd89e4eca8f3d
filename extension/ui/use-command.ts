import { useEffect, useRef, useState } from 'preact/hooks';
import { liveErrors, type FormValues } from '../../lib/commands/form-errors';
import type { FieldErrors } from '../../lib/commands/result';
import type { CommandName, Response } from '../../lib/messaging/requests';
import { useToast } from '../../components/Toast';
import { command } from './messaging';

export type Success = Extract<Response, { ok: true }>;

/** The error for a field, or for one of its items (`personIds.3`). */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  for (const key of Object.keys(errors)) if (key.startsWith(`${name}.`)) return errors[key];
  return undefined;
}

/** A form's current values and what the command's own pure validation finds wrong with them. */
export interface FormCheck {
  values: FormValues;
  problems: FieldErrors;
}

/**
 * State for a form that runs one command: its field errors, a busy flag, and focus moved to the first
 * invalid field (or the form's error summary) when errors come back. Values stay in the form's own
 * state, so nothing typed is lost on an error. A command that succeeds is confirmed in a toast (with
 * Undo when it can be reverted) after `onSuccess` has closed or reset the form.
 *
 * With a `check`, a field's error clears as soon as its value is valid (`liveErrors`), and `validate`
 * reports every invalid field at once before anything is sent.
 */
export function useCommand<F extends HTMLElement = HTMLFormElement>(check?: FormCheck) {
  const [shown, setShown] = useState<{ errors: FieldErrors; at: FormValues }>({ errors: {}, at: {} });
  const values = useRef<FormValues>({});
  values.current = check?.values ?? {};
  const errors = check ? liveErrors(shown.errors, shown.at, check.values, check.problems) : shown.errors;
  const [pending, setPending] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<F>(null);
  const busy = useRef(false);
  const toast = useToast();

  useEffect(() => {
    if (!focusTick) return;
    const root = formRef.current;
    if (!root) return;
    const target =
      root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('[data-form-error]');
    target?.focus();
  }, [focusTick]);

  async function run(name: CommandName, input: unknown, onSuccess: (result: Success) => void): Promise<boolean> {
    if (busy.current) return false;
    busy.current = true;
    setPending(true);
    const sent = values.current;
    try {
      const result = await command(name, input);
      if (result.ok) {
        setErrors({});
        onSuccess(result);
        toast.show(result.message, { canUndo: result.canUndo });
        return true;
      }
      setShown({
        errors: Object.keys(result.errors).length ? result.errors : { form: 'Something went wrong. Try again.' },
        at: sent,
      });
      setFocusTick((t) => t + 1);
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  function setErrors(next: FieldErrors) {
    setShown({ errors: next, at: values.current });
  }

  /** Shows errors found before sending (e.g. a 21st person), focusing the first one. */
  function showErrors(next: FieldErrors) {
    setErrors(next);
    setFocusTick((t) => t + 1);
  }

  /** True when the check finds nothing wrong; otherwise shows every problem at once. */
  function validate(): boolean {
    if (!check || !Object.keys(check.problems).length) return true;
    showErrors(check.problems);
    return false;
  }

  return { errors, setErrors, showErrors, validate, pending, run, formRef };
}

/** Number(...) for number fields: an empty or unparseable field becomes NaN, which the command reports. */
export function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}
