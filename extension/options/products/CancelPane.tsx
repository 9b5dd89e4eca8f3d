import { useState } from 'preact/hooks';
import { CancelInput } from '../../../lib/commands/inputs';
import { inputErrors } from '../../../lib/commands/result';
import { CANCEL_REASON_LABELS, type CancelReason, type Subscription } from '../../../lib/subscriptions/schema';
import { Dialog } from '../../../components/Dialog';
import { Field, Fieldset } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { subscriptionTitle } from '../../../components/subscription-view';
import { fieldError, useCommand } from '../../ui/use-command';
import { FormActions } from '../../../components/FormActions';
import { CancelOutcome } from './CancelOutcome';

const MAX_FEEDBACK = 1000;

/** "Cancel subscription": a reason (required), optional feedback, Save; "Keep subscription" closes it. */
export function CancelPane({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const [reason, setReason] = useState<CancelReason | ''>('');
  const [feedback, setFeedback] = useState('');
  // An empty reason fails the check as it would fail the command: with the `reason` field error.
  const input = { subscriptionId: sub.id, reason, feedback } as CancelInput;
  const { errors, run, validate, formRef } = useCommand({ values: { reason, feedback }, problems: inputErrors(CancelInput, input) });
  const reasonError = fieldError(errors, 'reason');
  const over = feedback.length > MAX_FEEDBACK;

  function submit(e: Event) {
    e.preventDefault();
    if (!validate()) return;
    void run('cancel', input, () => {
      onClose();
    });
  }

  return (
    <Dialog title="Cancel subscription" description={subscriptionTitle(sub)} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={['reason', 'feedback']} />
        <CancelOutcome sub={sub} />
        <Fieldset legend="Why are you canceling?" name="reason" error={reasonError}>
          <div class="radio-list">
            {(Object.keys(CANCEL_REASON_LABELS) as CancelReason[]).map((key) => (
              <label class="check" key={key}>
                <input
                  type="radio"
                  name="reason"
                  value={key}
                  checked={reason === key}
                  aria-invalid={reasonError ? 'true' : undefined}
                  onChange={() => setReason(key)}
                />
                <span>{CANCEL_REASON_LABELS[key]}</span>
              </label>
            ))}
          </div>
        </Fieldset>
        <Field
          kind="textarea"
          label="Feedback (optional)"
          name="feedback"
          rows={5}
          value={feedback}
          onInput={(e) => setFeedback(e.currentTarget.value)}
          error={fieldError(errors, 'feedback')}
          hint={
            <span aria-live="polite" class={over ? 'field-error' : undefined}>
              {feedback.length.toLocaleString('en-US')} of {MAX_FEEDBACK.toLocaleString('en-US')} characters
              {over ? ' — too long' : ''}
            </span>
          }
        />
        <FormActions submitLabel="Save" cancelLabel="Keep subscription" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
