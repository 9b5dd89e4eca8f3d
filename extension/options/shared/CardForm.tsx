import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { settleCardErrors } from '../../../lib/billing/card-form-check';
import type { Address } from '../../../lib/billing/schemas';
import type { FieldErrors } from '../../../lib/commands/result';
import { Field } from '../../../components/Field';
import { fieldError, useCommand } from '../../ui/use-command';

export interface CardValues {
  /** Only in this form's state and the one command message; never stored. */
  number: string;
  /** Only in this form's state and the one command message; never stored. */
  securityCode: string;
  expMonth: string;
  expYear: string;
  nameOnCard: string;
  address: Address;
}

export const EMPTY_ADDRESS: Address = { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

export const COUNTRIES: readonly [string, string][] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['SE', 'Sweden'],
  ['AU', 'Australia'],
  ['JP', 'Japan'],
];

export const CARD_FIELDS = [
  'number',
  'securityCode',
  'expMonth',
  'expYear',
  'nameOnCard',
  'address',
  'profileId',
  'makeDefault',
  'paymentMethodId',
];

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Card number (when `withNumber`), security code, expiry, name on card and billing address. */
export function CardFields({
  values,
  onChange,
  errors,
  withNumber,
}: {
  values: CardValues;
  onChange: (next: CardValues) => void;
  errors: FieldErrors;
  withNumber: boolean;
}) {
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: 16 }, (_, i) => thisYear + i);
  const set = <K extends keyof CardValues>(key: K, value: CardValues[K]) => onChange({ ...values, [key]: value });
  /** What every billing-address field shares: its key in the input and errors, its value, and how it changes. */
  const address = (key: keyof Address) => ({
    name: `address.${key}`,
    value: values.address[key],
    error: errors[`address.${key}`],
    onInput: (e: { currentTarget: { value: string } }) => onChange({ ...values, address: { ...values.address, [key]: e.currentTarget.value } }),
  });
  // A stored card's expiry may be in the past; keep it selectable.
  const yearOptions = values.expYear && !years.includes(Number(values.expYear)) ? [Number(values.expYear), ...years] : years;

  return (
    <>
      {withNumber ? (
        <Field
          label="Card number"
          name="number"
          inputMode="numeric"
          autoComplete="cc-number"
          value={values.number}
          onInput={(e) => set('number', e.currentTarget.value)}
          error={fieldError(errors, 'number')}
        />
      ) : null}
      <div class="field-row">
        <Field
          label="Security code"
          name="securityCode"
          inputMode="numeric"
          autoComplete="cc-csc"
          maxLength={4}
          value={values.securityCode}
          onInput={(e) => set('securityCode', e.currentTarget.value)}
          error={fieldError(errors, 'securityCode')}
          hint="3 or 4 digits"
        />
        <Field
          kind="select"
          label="Expiration month"
          name="expMonth"
          autoComplete="cc-exp-month"
          value={values.expMonth}
          onChange={(e) => set('expMonth', e.currentTarget.value)}
          error={fieldError(errors, 'expMonth')}
        >
          <option value="">Month</option>
          {MONTHS.map((m) => (
            <option key={m} value={String(m)}>
              {String(m).padStart(2, '0')}
            </option>
          ))}
        </Field>
        <Field
          kind="select"
          label="Expiration year"
          name="expYear"
          autoComplete="cc-exp-year"
          value={values.expYear}
          onChange={(e) => set('expYear', e.currentTarget.value)}
          error={fieldError(errors, 'expYear')}
        >
          <option value="">Year</option>
          {yearOptions.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Field>
      </div>
      <Field
        label="Name on card"
        name="nameOnCard"
        autoComplete="cc-name"
        value={values.nameOnCard}
        onInput={(e) => set('nameOnCard', e.currentTarget.value)}
        error={fieldError(errors, 'nameOnCard')}
      />
      <fieldset class="fieldset">
        <legend class="field-label">Billing address</legend>
        <Field
          label="Address line 1"
          autoComplete="address-line1"
          {...address('line1')}
        />
        <Field
          label="Address line 2 (optional)"
          autoComplete="address-line2"
          {...address('line2')}
        />
        <div class="field-row">
          <Field
            label="City"
            autoComplete="address-level2"
            {...address('city')}
          />
          <Field
            label="State or region"
            autoComplete="address-level1"
            {...address('region')}
          />
        </div>
        <div class="field-row">
          <Field
            label="Postal code"
            autoComplete="postal-code"
            {...address('postalCode')}
          />
          <Field
            kind="select"
            label="Country"
            autoComplete="country"
            {...address('country')}
          >
            <option value="">Choose a country</option>
            {COUNTRIES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Field>
        </div>
      </fieldset>
    </>
  );
}

/** The card fields as the commands type them: numbers via Number(...), NaN when empty. */
export function cardPayload(values: CardValues) {
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  return {
    securityCode: values.securityCode.trim(),
    expMonth: num(values.expMonth),
    expYear: num(values.expYear),
    nameOnCard: values.nameOnCard,
    address: values.address,
  };
}

/**
 * A card form's values and its command (`useCommand`): every error the command returns shows at
 * once, and each goes as soon as its field is fixed (`settleCardErrors`), not on the next submit.
 */
export function useCardForm(initial: () => CardValues) {
  const [values, setValues] = useState<CardValues>(initial);
  const command = useCommand();
  function change(next: CardValues) {
    command.setErrors(settleCardErrors(command.errors, values, next, new Date().toISOString()));
    setValues(next);
  }
  return { ...command, values, setValues, change };
}

/**
 * The fields of a new card number, or why they cannot be used now (`useCardEntryBlock`): signed in,
 * a card is tokenized by the sync server, so while it is out of reach the fields are disabled under
 * a message, before anything is typed. Disabled too while the sync row loads.
 */
export function CardEntry({ block, children }: { block: string | null | undefined; children: ComponentChildren }) {
  return (
    <>
      {block ? (
        <p class="form-gate" role="status">
          {block}
        </p>
      ) : null}
      <fieldset class="card-entry" disabled={block !== null}>
        {children}
      </fieldset>
    </>
  );
}
