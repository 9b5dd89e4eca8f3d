import { useState } from 'preact/hooks';
import type { UnassignInput } from '../../../lib/commands/inputs';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { usePeople } from '../hooks';
import { fieldError, useCommand } from '../use-command';

/**
 * Ticking people who hold a license and unassigning them after the "Unassign licenses" box: the
 * popup's pane and the console's product page differ only in layout and wording.
 */
export function useUnassign<F extends HTMLElement = HTMLFormElement>(
  sub: Subscription,
  { nobodySelected, onDone }: { nobodySelected: string; onDone?: () => void },
) {
  const people = usePeople(Object.keys(sub.assigned));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  // Ticks of people who no longer have a license don't count.
  const chosen = (people ?? []).filter((p) => selected.has(p.id));
  // Ticking someone answers a "select someone" error.
  const { errors, run, formRef, validate } = useCommand<F>({
    values: { personIds: chosen.map((p) => p.id) },
    problems: chosen.length ? {} : { personIds: nobodySelected },
  });

  /** Replaces the ticks. */
  function select(next: ReadonlySet<string>) {
    setSelected(next);
  }

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    select(next);
  }

  function start() {
    if (validate()) setConfirming(true);
  }

  function confirm() {
    setConfirming(false);
    const input: UnassignInput = { subscriptionId: sub.id, personIds: chosen.map((p) => p.id) };
    void run('unassign', input, () => {
      setSelected(new Set());
      onDone?.();
    });
  }

  return {
    people,
    selected,
    chosen,
    select,
    toggle,
    start,
    confirm,
    confirming,
    cancelConfirm: () => setConfirming(false),
    errors,
    error: fieldError(errors, 'personIds'),
    formRef,
  };
}
