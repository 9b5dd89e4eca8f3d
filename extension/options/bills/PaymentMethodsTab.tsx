import { useState } from 'preact/hooks';
import type { PaymentMethod } from '../../../lib/billing/schemas';
import { Button } from '../../../components/Button';
import { Writable } from '../../ui/read-only';
import { Dialog } from '../../../components/Dialog';
import { EmptyState } from '../../../components/EmptyState';
import { db } from '../../ui/db';
import { useLiveQuery } from '../../ui/use-live-query';
import { cardExpiry, cardLabel } from '../shared/cards';
import { usePaymentMethods } from '../shared/data';
import { Loading } from '../shared/Loading';
import { AddPaymentMethodPane, EditPaymentMethodPane } from '../shared/PaymentMethodPanes';

type Pane = { kind: 'details' | 'edit'; id: string } | { kind: 'add' } | null;

export function PaymentMethodsTab() {
  const cards = usePaymentMethods();
  const profiles = useLiveQuery(() => db.billingProfiles.toArray(), []).data;
  const [pane, setPane] = useState<Pane>(null);
  const selected = pane && pane.kind !== 'add' ? cards?.find((c) => c.id === pane.id) : undefined;
  const usedBy = (card: PaymentMethod) => (profiles ?? []).filter((p) => p.paymentMethodId === card.id).map((p) => p.name);

  return (
    <>
      <div class="toolbar">
        <Writable>
          <Button variant="primary" onClick={() => setPane({ kind: 'add' })}>
            Add a payment method
          </Button>
        </Writable>
      </div>
      {!cards ? (
        <Loading what="payment methods" />
      ) : cards.length === 0 ? (
        <EmptyState title="No payment methods yet">
          <p>Select Add a payment method to add a card.</p>
        </EmptyState>
      ) : (
        <ul class="card-list" aria-label="Payment methods">
          {cards.map((card) => (
            <li key={card.id}>
              <button type="button" class="card-item" onClick={() => setPane({ kind: 'details', id: card.id })}>
                <span>
                  <strong>{cardLabel(card)}</strong>
                  <span class="detail">
                    {cardExpiry(card)} · {card.nameOnCard}
                  </span>
                </span>
                <span aria-hidden="true">›</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {pane?.kind === 'details' && selected ? (
        <Dialog title={cardLabel(selected)} description="Payment method" onClose={() => setPane(null)}>
          <dl class="details">
            <dt>Expires</dt>
            <dd>{cardExpiry(selected).replace('Expires ', '')}</dd>
            <dt>Name on card</dt>
            <dd>{selected.nameOnCard}</dd>
            <dt>Address</dt>
            <dd>
              {[
                selected.address.line1,
                selected.address.line2,
                [selected.address.city, selected.address.region, selected.address.postalCode].filter(Boolean).join(' '),
                selected.address.country,
              ]
                .filter(Boolean)
                .join(', ')}
            </dd>
            <dt>Pays invoices of</dt>
            <dd>{usedBy(selected).join(', ') || 'No billing profile'}</dd>
          </dl>
          <div class="dialog-actions">
            <Writable>
              <Button variant="primary" onClick={() => setPane({ kind: 'edit', id: selected.id })}>
                Edit
              </Button>
            </Writable>
            <Button onClick={() => setPane(null)}>Close</Button>
          </div>
        </Dialog>
      ) : null}
      {pane?.kind === 'edit' && selected ? <EditPaymentMethodPane card={selected} onClose={() => setPane(null)} /> : null}
      {pane?.kind === 'add' ? <AddPaymentMethodPane onClose={() => setPane(null)} /> : null}
    </>
  );
}
