import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type Variant = 'primary' | 'secondary' | 'danger' | 'link' | 'ghost';

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class'> & {
  variant?: Variant;
  small?: boolean;
  class?: string;
  children?: ComponentChildren;
};

/** A real <button>; `type="button"` unless told otherwise so it never submits a form by accident. */
export function Button({ variant = 'secondary', small, class: cls, type = 'button', children, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, small ? 'btn-small' : '', cls ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} class={classes} {...rest}>
      {children}
    </button>
  );
}
