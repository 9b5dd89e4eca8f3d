import type { Subscription } from '../../../lib/subscriptions/schema';
import { Dialog } from '../../../components/Dialog';
import { Fieldset } from '../../../components/Field';
import { EmptyState } from '../../../components/EmptyState';
import { FormError } from '../../../components/FormError';
import { UnassignConfirm } from './UnassignConfirm';
import { useUnassign } from './use-unassign';
import { FormActions } from '../../../components/FormActions';
import { subscriptionTitle } from '../../../components/subscription-view';

/** Popup flow: tick assigned people → Unassign licenses → "Unassign licenses" box → Unassign. */
export function UnassignPane({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const { people, selected, chosen, toggle, start, confirm, confirming, cancelConfirm, errors, error, formRef } = useUnassign(sub, {
    nobodySelected: 'Select at least one person',
    onDone: onClose,
  });

  function submit(e: Event) {
    e.preventDefault();
    start();
  }

  return (
    <Dialog title="Assigned people" description={subscriptionTitle(sub)} onClose={onClose}>
      {people && people.length === 0 ? (
        <EmptyState title="No one has a license yet" headingLevel={3}>
          <p>Assign licenses first; the people you assign show up here.</p>
        </EmptyState>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <FormError errors={errors} fields={['personIds']} />
          <Fieldset legend="Select the people to unassign licenses from" name="personIds" error={error}>
            <ul class="check-list">
              {(people ?? []).map((p) => (
                <li key={p.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={selected.has(p.id)}
                      aria-invalid={error ? 'true' : undefined}
                      onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                    />
                    <span>
                      {p.displayName}
                      <span class="detail">{p.email}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </Fieldset>
          <FormActions submitLabel="Unassign licenses" onCancel={onClose} />
        </form>
      )}
      {confirming ? (
        <UnassignConfirm
          productName={sub.productName}
          people={chosen}
          onConfirm={confirm}
          onCancel={cancelConfirm}
        />
      ) : null}
    </Dialog>
  );
}
