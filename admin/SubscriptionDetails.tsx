import { useEffect, useRef } from 'preact/hooks';
import type { SummaryRow } from '../lib/admin/summary-rows';
import { priceLabel } from '../lib/billing/price-label';
import { formatDate, TERM_LABELS } from '../components/format';
import { summaryStatus, termSince } from '../components/subscription-view';
import type { EffectiveStatus } from '../lib/subscriptions/status';

const TERM_ENDS: Record<EffectiveStatus, string> = { active: 'Renews on', canceled: 'Expires on', expired: 'Expired on' };

interface Props {
  row: SummaryRow;
  onClose(): void;
}

/** Who holds the licenses of one subscription; opening it moves focus here, Escape or Close leaves. */
export function SubscriptionDetails({ row, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.key]);

  return (
    <aside
      class="details-panel"
      aria-labelledby="details-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div class="details-head">
        <h2 id="details-title" tabIndex={-1} ref={heading}>
          {row.productName}
        </h2>
        <button type="button" class="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <dl class="details">
        <dt>Purchaser</dt>
        <dd>{row.purchaserName}</dd>
        <dt>Status</dt>
        <dd>{summaryStatus(row).label}</dd>
        <dt>Term ends</dt>
        <dd>
          {TERM_ENDS[row.effective]} {formatDate(row.renewsOn)}
        </dd>
        <dt>Billing</dt>
        <dd>
          {row.startedOn ? termSince({ term: row.term, startedOn: row.startedOn }) : TERM_LABELS[row.term]}, {priceLabel(row.unitPrice, row.currency, { term: row.term, tax: 'before', perLicense: true })}
        </dd>
        <dt>Licenses</dt>
        <dd>
          {row.assignedCount} of {row.licenses} assigned
        </dd>
      </dl>
      <h3 id="details-assigned">Assigned users</h3>
      {row.assignedNames.length === 0 ? (
        <p class="muted">No one holds a license yet.</p>
      ) : (
        <ul class="details-people" aria-labelledby="details-assigned">
          {row.assignedNames.map((name, i) => (
            <li key={`${name}-${i}`}>{name}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}
