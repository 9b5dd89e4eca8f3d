import { useState } from 'preact/hooks';
import { previewLicenseChange } from '../../../lib/billing/price-preview';
import type { SetLicensesInput } from '../../../lib/commands/inputs';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { assignedCount } from '../../../lib/subscriptions/status';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { MoneyText } from '../../../components/MoneyText';
import { priceSuffix, TAX_LABELS, TAX_RATE_PENDING } from '../../../lib/billing/price-label';
import { licenseTotalRefusal } from '../../../lib/commands/license-total';
import { subscriptionTitle } from '../../../components/subscription-view';
import { db } from '../db';
import { useLiveQuery } from '../use-live-query';
import { plural } from '../../../lib/text/plural';
import { useOrganization } from '../organization';
import { fieldError, toNumber, useCommand } from '../use-command';
import { FormActions } from '../../../components/FormActions';

export type LicensesMode = 'buy' | 'remove';
export const LICENSES_TITLES: Record<LicensesMode, string> = { buy: 'Buy licenses', remove: 'Remove licenses' };

/**
 * "Buy licenses" / "Remove licenses": one Total licenses box (enter 105 to go from 100 to 105),
 * with what the new total costs at renewal and what is charged or credited today, tax included.
 * The title says what the total typed does, whichever button opened the pane: 106 in "Remove
 * licenses" buys 6. The total is checked as it is typed by the command's own rule, so an error
 * goes as soon as the total is one the subscription can have.
 */
export function LicensesPane({
  sub,
  mode,
  initialTotal = sub.licenses,
  onClose,
}: {
  sub: Subscription;
  mode: LicensesMode;
  /** What the box starts with: the current total, or more ("Buy 2 more" in the people picker). */
  initialTotal?: number;
  onClose: () => void;
}) {
  const [total, setTotal] = useState(String(initialTotal));
  const product = useLiveQuery(() => db.products.get(sub.productId), [sub.productId]).data;
  const problem = licenseTotalRefusal(sub, toNumber(total), product);
  const { errors, run, validate, formRef, pending } = useCommand({
    values: { total },
    problems: problem ? { total: problem } : {},
  });
  const org = useOrganization();
  const assigned = assignedCount(sub);

  function submit(e: Event) {
    e.preventDefault();
    if (!validate()) return;
    const input: SetLicensesInput = { subscriptionId: sub.id, total: toNumber(total) };
    void run('setLicenses', input, () => {
      onClose();
    });
  }

  return (
    <Dialog title={LICENSES_TITLES[modeOf(sub.licenses, toNumber(total), mode)]} description={subscriptionTitle(sub)} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={['total']} />
        <p>
          You have {plural(sub.licenses, 'license')}; {assigned} assigned. Enter the total number of licenses you want
          for this subscription: for example, to add 5 to 100 licenses, enter 105.
        </p>
        <Field
          label="Total licenses"
          name="total"
          type="number"
          inputMode="numeric"
          min={Math.max(1, assigned)}
          step={1}
          value={total}
          onInput={(e) => setTotal(e.currentTarget.value)}
          error={fieldError(errors, 'total')}
        />
        <Preview sub={sub} total={total} taxRateBps={org?.taxRateBps} />
        <FormActions submitLabel="Save" onCancel={onClose} busy={pending} />
      </form>
    </Dialog>
  );
}

/** Buying or removing, by the total typed; the pane's own mode while it is no whole number or no change. */
function modeOf(licenses: number, total: number, opened: LicensesMode): LicensesMode {
  if (!Number.isInteger(total) || total === licenses) return opened;
  return total > licenses ? 'buy' : 'remove';
}

function Preview({ sub, total, taxRateBps }: { sub: Subscription; total: string; taxRateBps: number | undefined }) {
  const n = toNumber(total);
  let body;
  if (!Number.isInteger(n) || n < 1) {
    body = <p>Enter a whole number of licenses to see the new price.</p>;
  } else if (n === sub.licenses) {
    body = <p>No change: you keep {plural(n, 'license')}.</p>;
  } else {
    const delta = Math.abs(n - sub.licenses);
    body = (
      <>
        <p>
          <strong>{n > sub.licenses ? `Adding ${plural(delta, 'license')}` : `Removing ${plural(delta, 'license')}`}</strong>{' '}
          ({plural(sub.licenses, 'license')} → {plural(n, 'license')})
        </p>
        {taxRateBps === undefined ? <p>{TAX_RATE_PENDING}</p> : <PriceChange sub={sub} total={n} taxRateBps={taxRateBps} />}
      </>
    );
  }
  return (
    <div class="preview" aria-live="polite" aria-atomic="true">
      <h3 class="visually-hidden">Price preview</h3>
      {body}
    </div>
  );
}

/** What the new total costs at renewal, and what is charged or credited today for the rest of the term. */
function PriceChange({ sub, total, taxRateBps }: { sub: Subscription; total: number; taxRateBps: number }) {
  const p = previewLicenseChange(sub, total, taxRateBps, new Date().toISOString());
  return (
    <>
      <p>
        New price:{' '}
        <MoneyText amount={p.recurring.total} currency={sub.currency} suffix={priceSuffix({ term: sub.term, tax: 'incl' })} />
      </p>
      {p.today.total !== 0 ? (
        <p>
          {p.today.total > 0 ? 'Charged today' : 'Credited today'} for the {plural(p.remainingDays, 'day')} left in this
          term: <MoneyText amount={Math.abs(p.today.total)} currency={sub.currency} suffix={TAX_LABELS.incl} />
        </p>
      ) : null}
    </>
  );
}
