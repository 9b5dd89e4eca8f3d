import { useState } from 'preact/hooks';
import { subscriptionProblems } from '../../../lib/subscriptions/conflicts';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { freeLicenses } from '../../../lib/subscriptions/status';
import { Button } from '../../../components/Button';
import { Writable } from '../../ui/read-only';
import { EmptyState } from '../../../components/EmptyState';
import { FormError } from '../../../components/FormError';
import { FieldError } from '../../../components/Field';
import { AssignPane } from '../../ui/features/AssignPane';
import { UnassignConfirm } from '../../ui/features/UnassignConfirm';
import { useUnassign } from '../../ui/features/use-unassign';
import { formatDate } from '../../../components/format';
import { plural } from '../../../lib/text/plural';
import { licenseCounts, renewalText, statusOf, termSince } from '../../../components/subscription-view';
import { href } from '../router';

/** A product's details page: who has a license, Assign licenses, and Unassign licenses for the ticked rows. */
export function ProductLicenses({ sub }: { sub: Subscription }) {
  const [assigning, setAssigning] = useState(false);
  const { people, selected, chosen, select, toggle, start, confirm, confirming, cancelConfirm, errors, error, formRef } =
    useUnassign<HTMLDivElement>(sub, { nobodySelected: 'Select the people to unassign licenses from' });
  const { assigned, total } = licenseCounts(sub);
  const status = statusOf(sub);
  const rows = people ?? [];
  const allTicked = rows.length > 0 && chosen.length === rows.length;

  return (
    <>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href={href('licenses')}>Licenses</a> <span aria-hidden="true">›</span> <span>{sub.productName}</span>
      </nav>
      <div class="section-head">
        <div>
          <h1>{sub.productName}</h1>
          <p class="muted">
            {termSince(sub)} · {assigned} of {plural(total, 'license')} assigned · {plural(freeLicenses(sub), 'license')} available ·{' '}
            {renewalText(sub, status)}
          </p>
          {subscriptionProblems(sub).map((problem) => (
            <FieldError key={problem} message={problem} />
          ))}
        </div>
      </div>
      <div ref={formRef}>
        <FormError errors={errors} fields={['personIds']} />
        <div class="toolbar">
          <Writable>
            <Button variant="primary" onClick={() => setAssigning(true)}>
              Assign licenses
            </Button>
            <Button onClick={start} aria-describedby={error ? 'unassign-error' : undefined}>
              Unassign licenses
            </Button>
          </Writable>
          <p class="muted" role="status">
            {chosen.length ? `${plural(chosen.length, 'person', 'people')} selected` : ''}
          </p>
        </div>
        {error ? <FieldError id="unassign-error" message={error} /> : null}
        <h2>Assigned people</h2>
        {people && rows.length === 0 ? (
          <EmptyState title="No one has a license yet" headingLevel={3}>
            <p>Select Assign licenses to give people in your organization access to {sub.productName}.</p>
          </EmptyState>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">People with a {sub.productName} license</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select all"
                      checked={allTicked}
                      data-field="personIds"
                      aria-invalid={error ? 'true' : undefined}
                      onChange={(e) => select(e.currentTarget.checked ? new Set(rows.map((p) => p.id)) : new Set())}
                    />
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Department</th>
                  <th scope="col">Assigned on</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${p.displayName}`}
                        checked={selected.has(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />
                    </td>
                    <th scope="row">{p.displayName}</th>
                    <td>{p.email}</td>
                    <td>{p.department}</td>
                    <td>{sub.assigned[p.id] ? formatDate(sub.assigned[p.id]!.slice(0, 10)) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {assigning ? <AssignPane sub={sub} onClose={() => setAssigning(false)} /> : null}
      {confirming ? (
        <UnassignConfirm
          productName={sub.productName}
          people={chosen}
          onConfirm={confirm}
          onCancel={cancelConfirm}
        />
      ) : null}
    </>
  );
}
