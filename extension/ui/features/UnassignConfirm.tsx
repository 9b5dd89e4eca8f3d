import type { Person } from '../../../lib/org/schemas';
import { ConfirmDialog } from '../../../components/Dialog';
import { plural } from '../../../lib/text/plural';

/** The "Unassign licenses" box, whose button is "Unassign". */
export function UnassignConfirm({
  productName,
  people,
  onConfirm,
  onCancel,
}: {
  productName: string;
  people: readonly Pick<Person, 'id' | 'displayName'>[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const names = people.map((p) => p.displayName);
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  return (
    <ConfirmDialog title="Unassign licenses" confirmLabel="Unassign" danger onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        Unassign {productName} licenses from {plural(people.length, 'person', 'people')}: {shown}?
      </p>
      <p class="muted">They lose access to {productName}. The licenses stay in your subscription, free to assign again.</p>
    </ConfirmDialog>
  );
}
