import { useMemo, useState } from 'preact/hooks';
import { freeLicensesRefusal, PICK_SOMEONE } from '../../../lib/commands/assign-picks';
import type { AssignInput } from '../../../lib/commands/inputs';
import type { Person } from '../../../lib/org/schemas';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { freeLicenses } from '../../../lib/subscriptions/status';
import { Dialog } from '../../../components/Dialog';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/FormError';
import { subscriptionTitle } from '../../../components/subscription-view';
import { PeoplePicker } from '../PeoplePicker';
import { plural } from '../../../lib/text/plural';
import { fieldError, useCommand } from '../use-command';
import { LicensesPane } from './LicensesPane';

/**
 * "Assign licenses to users": pick up to 20 people from the directory, as many as there are free
 * licenses, then Assign. "Buy N more" opens the licenses pane with N more; closing it comes back
 * here with the people picked so far.
 */
export function AssignPane({ sub, onClose }: { sub: Subscription; onClose: () => void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const [buying, setBuying] = useState(0);
  const free = freeLicenses(sub);
  const personIds = people.map((p) => p.id);
  const problem = personIds.length ? freeLicensesRefusal(personIds.length, free) : PICK_SOMEONE;
  const { errors, run, validate, formRef, pending } = useCommand({
    values: { personIds },
    problems: problem ? { personIds: problem } : {},
  });
  const exclude = useMemo(() => new Set(Object.keys(sub.assigned)), [sub.assigned]);

  function submit(e: Event) {
    e.preventDefault();
    if (!validate()) return;
    const input: AssignInput = { subscriptionId: sub.id, personIds };
    void run('assign', input, () => {
      setPeople([]);
      onClose();
    });
  }

  if (buying) {
    return <LicensesPane sub={sub} mode="buy" initialTotal={sub.licenses + buying} onClose={() => setBuying(0)} />;
  }
  return (
    <Dialog
      title="Assign licenses to users"
      description={`${subscriptionTitle(sub)} · ${plural(free, 'license')} available`}
      onClose={onClose}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={['personIds']} />
        <p class="muted">You can only assign licenses to people in your organization.</p>
        <PeoplePicker
          value={people}
          onChange={setPeople}
          exclude={exclude}
          free={free}
          onBuyMore={setBuying}
          error={fieldError(errors, 'personIds')}
        />
        <FormActions submitLabel="Assign" onCancel={onClose} busy={pending} />
      </form>
    </Dialog>
  );
}
