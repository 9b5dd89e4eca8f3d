import { useState } from 'preact/hooks';
import type { UnassignInput } from '../../../lib/commands/inputs';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { Dialog } from '../components/Dialog';
import { Fieldset } from '../components/Field';
import { EmptyState } from '../components/misc';
import { FormError } from '../components/FormError';
import { useToast } from '../components/Toast';
import { usePeople } from '../hooks';
import { fieldError, useCommand } from '../use-command';
import { UnassignConfirm } from './UnassignConfirm';
import { FormActions } from '../components/FormActions';

/** Popup flow: tick assigned people → Unassign licenses → "Unassign licenses" box → Unassign. */
export function UnassignPane({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const people = usePeople(Object.keys(sub.assigned));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const { errors, run, formRef, showErrors } = useCommand();
  const toast = useToast();
  const chosen = (people ?? []).filter((p) => selected.has(p.id));
  const error = fieldError(errors, 'personIds');

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  function submit(e: Event) {
    e.preventDefault();
    if (!chosen.length) {
      showErrors({ personIds: 'Select at least one person' });
      return;
    }
    setConfirming(true);
  }

  function confirm() {
    setConfirming(false);
    const input: UnassignInput = { subscriptionId: sub.id, personIds: chosen.map((p) => p.id) };
    void run('unassign', input, (r) => {
      setSelected(new Set());
      onClose();
      toast.show(r.message, { canUndo: r.canUndo });
    });
  }

  return (
    <Dialog title="Assigned people" description={sub.productName} onClose={onClose}>
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
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </Dialog>
  );
}
