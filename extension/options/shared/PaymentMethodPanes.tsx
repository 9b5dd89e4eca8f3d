import { useState } from 'preact/hooks';
import type { PaymentMethod } from '../../../lib/billing/schemas';
import type {
  AddPaymentMethodInput,
  EditPaymentMethodInput,
  ReplacePaymentMethodInput,
} from '../../../lib/commands/inputs';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { fieldError } from '../../ui/use-command';
import { CARD_FIELDS, CardEntry, CardFields, cardPayload, EMPTY_ADDRESS, useCardForm, type CardValues } from './CardForm';
import { cardLabel } from './cards';
import { useBillingProfiles, useCardEntryBlock } from './data';
import { FormActions } from '../../../components/FormActions';

function fromCard(pm: PaymentMethod | undefined, withSecrets = false): CardValues {
  return {
    number: '',
    securityCode: '',
    expMonth: pm && !withSecrets ? String(pm.expMonth) : '',
    expYear: pm && !withSecrets ? String(pm.expYear) : '',
    nameOnCard: pm?.nameOnCard ?? '',
    address: pm ? { ...pm.address } : { ...EMPTY_ADDRESS },
  };
}

/** "Edit payment method": security code, expiry, name on card and address of a stored card. */
export function EditPaymentMethodPane({ card, onClose }: { card: PaymentMethod; onClose: () => void }) {
  const { values, setValues, change, errors, run, formRef } = useCardForm(() => fromCard(card));

  function submit(e: Event) {
    e.preventDefault();
    const input: EditPaymentMethodInput = { paymentMethodId: card.id, ...cardPayload(values) };
    void run('editPaymentMethod', input, () => {
      setValues(fromCard(undefined));
      onClose();
    });
  }

  return (
    <Dialog title="Edit payment method" description={cardLabel(card)} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={CARD_FIELDS} />
        <CardFields values={values} onChange={change} errors={errors} withNumber={false} />
        <FormActions submitLabel="Save" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** "Replace payment method": a new card in place of this one; what it pays keeps working. */
export function ReplacePaymentMethodPane({ card, onClose }: { card: PaymentMethod; onClose: () => void }) {
  const { values, setValues, change, errors, run, formRef } = useCardForm(() => fromCard(card, true));
  const block = useCardEntryBlock();

  function submit(e: Event) {
    e.preventDefault();
    if (block !== null) return;
    const input: ReplacePaymentMethodInput = {
      paymentMethodId: card.id,
      number: values.number.replace(/[\s-]/g, ''),
      ...cardPayload(values),
    };
    void run('replacePaymentMethod', input, () => {
      setValues(fromCard(undefined));
      onClose();
    });
  }

  return (
    <Dialog title="Replace payment method" description={`Replacing ${cardLabel(card)}`} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={CARD_FIELDS} />
        <CardEntry block={block}>
          <CardFields values={values} onChange={change} errors={errors} withNumber />
        </CardEntry>
        <FormActions submitLabel="Replace" onCancel={onClose} busy={block !== null} />
      </form>
    </Dialog>
  );
}

/** "Add a payment method" to a billing profile. */
export function AddPaymentMethodPane({
  profileId: fixedProfileId,
  makeDefault: defaultChecked = false,
  onClose,
}: {
  profileId?: string;
  makeDefault?: boolean;
  onClose: () => void;
}) {
  const profiles = useBillingProfiles();
  const [profileId, setProfileId] = useState(fixedProfileId ?? '');
  const [makeDefault, setMakeDefault] = useState(defaultChecked);
  const { values, setValues, change, errors, run, formRef } = useCardForm(() => fromCard(undefined));
  const block = useCardEntryBlock();
  const chosenProfile = profileId || profiles?.[0]?.id || '';

  function submit(e: Event) {
    e.preventDefault();
    if (block !== null) return;
    const input: AddPaymentMethodInput = {
      profileId: chosenProfile,
      number: values.number.replace(/[\s-]/g, ''),
      ...cardPayload(values),
      makeDefault,
    };
    void run('addPaymentMethod', input, () => {
      setValues(fromCard(undefined));
      onClose();
    });
  }

  return (
    <Dialog title="Add a payment method" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={CARD_FIELDS} />
        <CardEntry block={block}>
          <CardFields values={values} onChange={change} errors={errors} withNumber />
          {!fixedProfileId && profiles && profiles.length > 1 ? (
            <Field
              kind="select"
              label="Billing profile"
              name="profileId"
              value={chosenProfile}
              onChange={(e) => setProfileId(e.currentTarget.value)}
              error={fieldError(errors, 'profileId')}
            >
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Field>
          ) : null}
          <label class="check">
            <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.currentTarget.checked)} />
            <span>Make it the default: it pays this billing profile’s invoices and is chosen first when you buy</span>
          </label>
        </CardEntry>
        <FormActions submitLabel="Save" onCancel={onClose} busy={block !== null} />
      </form>
    </Dialog>
  );
}
