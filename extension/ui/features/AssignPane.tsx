import { useMemo, useState } from 'preact/hooks';
import type { AssignInput } from '../../../lib/commands/inputs';
import type { Person } from '../../../lib/org/schemas';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { freeLicenses } from '../../../lib/subscriptions/status';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/FormError';
import { PeoplePicker } from '../PeoplePicker';
import { plural } from '../../../lib/text/plural';
import { fieldError, useCommand } from '../use-command';

/** "Assign licenses to users": pick up to 20 people from the directory, then Assign. */
export function AssignPane({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const { errors, run, formRef, pending } = useCommand();
  const exclude = useMemo(() => new Set(Object.keys(sub.assigned)), [sub.assigned]);
  const free = freeLicenses(sub);

  function submit(e: Event) {
    e.preventDefault();
    const input: AssignInput = { subscriptionId: sub.id, personIds: people.map((p) => p.id) };
    void run('assign', input, () => {
      setPeople([]);
      onClose();
    });
  }

  return (
    <Dialog
      title="Assign licenses to users"
      description={`${sub.productName} · ${plural(free, 'license')} available`}
      onClose={onClose}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={['personIds']} />
        <p class="muted">You can only assign licenses to people in your organization.</p>
        <PeoplePicker value={people} onChange={setPeople} exclude={exclude} error={fieldError(errors, 'personIds')} />
        <div class="dialog-actions">
          <Button type="submit" variant="primary" aria-disabled={pending ? 'true' : undefined}>
            Assign
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
