import type { ComponentChildren, LooseInputHTMLAttributes, LooseSelectHTMLAttributes, Ref, TextareaHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

interface Common {
  label: ComponentChildren;
  /** The input's key in the command input and in the returned FieldErrors (`total`, `address.city`). */
  name: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Hides the label visually; it stays the accessible name. */
  hideLabel?: boolean;
  class?: string;
}

type InputProps = Common & { kind?: 'input'; inputRef?: Ref<HTMLInputElement> } & Omit<
    LooseInputHTMLAttributes<HTMLInputElement>,
    'name' | 'label' | 'class' | 'id'
  >;
type SelectProps = Common & { kind: 'select'; inputRef?: Ref<HTMLSelectElement>; children: ComponentChildren } & Omit<
    LooseSelectHTMLAttributes<HTMLSelectElement>,
    'name' | 'label' | 'class' | 'id'
  >;
type TextareaProps = Common & { kind: 'textarea'; inputRef?: Ref<HTMLTextAreaElement> } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'name' | 'label' | 'class' | 'id'
  >;

export type FieldProps = InputProps | SelectProps | TextareaProps;

/** Label, control, hint and the field's error right below it, wired with aria-invalid/aria-describedby. */
export function Field(props: FieldProps) {
  const { label, name, error, hint, hideLabel, class: cls, kind = 'input', inputRef, ...rest } = props as Common & {
    kind?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an input, select or textarea element, by kind
    inputRef?: Ref<any>;
    children?: ComponentChildren;
  } & Record<string, unknown>;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const controlProps = {
    ...rest,
    id,
    name,
    ref: inputRef,
    'data-field': name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={['field', error ? 'field-invalid' : '', cls ?? ''].filter(Boolean).join(' ')}>
      <label for={id} class={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {/* FieldProps checked the props per kind; Preact's element types (role, type unions) cannot be narrowed by `kind`. */}
      {/* eslint-disable @typescript-eslint/no-explicit-any */}
      {kind === 'select' ? (
        <select {...(controlProps as any)} />
      ) : kind === 'textarea' ? (
        <textarea {...(controlProps as any)} />
      ) : (
        <input {...(controlProps as any)} />
      )}
      {/* eslint-enable @typescript-eslint/no-explicit-any */}
      {hint ? (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message: string }) {
  return (
    <p id={id} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** Errors for a group of controls (radio group, checkbox list): a fieldset with a legend. */
export function Fieldset({
  legend,
  name,
  error,
  hint,
  children,
  class: cls,
}: {
  legend: ComponentChildren;
  name: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  children: ComponentChildren;
  class?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      class={['fieldset', error ? 'field-invalid' : '', cls ?? ''].filter(Boolean).join(' ')}
      data-field={name}
      aria-describedby={describedBy}
    >
      <legend class="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </fieldset>
  );
}

/** One option per key of a labels record, in the record's order: the choices of a select. */
export function LabelOptions<K extends string>({ labels }: { labels: Record<K, string> }) {
  return (
    <>
      {(Object.keys(labels) as K[]).map((key) => (
        <option key={key} value={key}>
          {labels[key]}
        </option>
      ))}
    </>
  );
}
