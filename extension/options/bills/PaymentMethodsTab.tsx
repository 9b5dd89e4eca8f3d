import { useState } from 'preact/hooks';
import { canPay, isDefaultCard } from '../../../lib/billing/payable-cards';
import type { PaymentMethod } from '../../../lib/billing/schemas';
import { cardRemovalRefusal } from '../../../lib/rules/card-in-use';
import { Badge } from '../../../components/Badge';
import { Button } from '../../../components/Button';
import { Writable } from '../../ui/read-only';
import { ConfirmDialog, Dialog } from '../../../components/Dialog';
import { EmptyState } from '../../../components/EmptyState';
import { FormError } from '../../../components/FormError';
import { useCommand } from '../../ui/use-command';
import { cardExpiry, cardLabel } from '../shared/cards';
import { useBillingProfiles, useHasAccount, usePaymentMethods, useSubscriptions } from '../shared/data';
import { Loading } from '../shared/Loading';
import { AddPaymentMethodPane, EditPaymentMethodPane } from '../shared/PaymentMethodPanes';

type Pane = { kind: 'details' | 'edit' | 'remove'; id: string } | { kind: 'add' } | null;

export function PaymentMethodsTab() {
  const cards = usePaymentMethods();
  const profiles = useBillingProfiles();
  const signedIn = useHasAccount() ?? false;
  const [pane, setPane] = useState<Pane>(null);
  const selected = pane && pane.kind !== 'add' ? cards?.find((c) => c.id === pane.id) : undefined;
  const isDefault = (card: PaymentMethod) => isDefaultCard(card, profiles ?? []);

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
                  <strong>{cardLabel(card)}</strong> {isDefault(card) ? <Badge tone="good">Default</Badge> : null}{' '}
                  {canPay(card, signedIn) ? null : <Badge tone="warn">Cannot be charged</Badge>}
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
        <CardDetails
          card={selected}
          isDefault={isDefault(selected)}
          payable={canPay(selected, signedIn)}
          paysInvoicesOf={(profiles ?? []).filter((p) => p.paymentMethodId === selected.id).map((p) => p.name)}
          onEdit={() => setPane({ kind: 'edit', id: selected.id })}
          onRemove={() => setPane({ kind: 'remove', id: selected.id })}
          onClose={() => setPane(null)}
        />
      ) : null}
      {pane?.kind === 'edit' && selected ? <EditPaymentMethodPane card={selected} onClose={() => setPane(null)} /> : null}
      {pane?.kind === 'remove' && selected ? <RemoveCardConfirm card={selected} onClose={() => setPane(null)} /> : null}
      {pane?.kind === 'add' ? <AddPaymentMethodPane onClose={() => setPane(null)} /> : null}
    </>
  );
}

function CardDetails({
  card,
  isDefault,
  payable,
  paysInvoicesOf,
  onEdit,
  onRemove,
  onClose,
}: {
  card: PaymentMethod;
  isDefault: boolean;
  payable: boolean;
  paysInvoicesOf: string[];
  onEdit: () => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const subscriptions = useSubscriptions();
  const { errors, setErrors, run, formRef } = useCommand<HTMLDivElement>();
  const [refusal, setRefusal] = useState<string>();

  function remove() {
    // The same rule the command and the server apply: a card that pays a running subscription stays.
    const why = cardRemovalRefusal(card, subscriptions ?? [], new Date().toISOString());
    setRefusal(why);
    if (!why) onRemove();
  }

  function makeDefault() {
    setRefusal(undefined);
    setErrors({});
    // The button goes once the card is the default: focus stays in the dialog, on its first action.
    void run('setDefaultPaymentMethod', { paymentMethodId: card.id }, () => formRef.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-actions button')?.focus());
  }

  return (
    <Dialog title={cardLabel(card)} description="Payment method" onClose={onClose}>
      <dl class="details">
        <dt>Expires</dt>
        <dd>{cardExpiry(card).replace('Expires ', '')}</dd>
        <dt>Name on card</dt>
        <dd>{card.nameOnCard}</dd>
        <dt>Address</dt>
        <dd>
          {[
            card.address.line1,
            card.address.line2,
            [card.address.city, card.address.region, card.address.postalCode].filter(Boolean).join(' '),
            card.address.country,
          ]
            .filter(Boolean)
            .join(', ')}
        </dd>
        <dt>Pays invoices of</dt>
        <dd>{paysInvoicesOf.length ? `${paysInvoicesOf.join(', ')} (default card)` : 'No billing profile'}</dd>
        {payable ? null : (
          <>
            <dt>Charging</dt>
            <dd>Added without the sync server, so it cannot be charged. Replace it while online to pay with it.</dd>
          </>
        )}
      </dl>
      <div ref={formRef}>
        <FormError errors={errors} fields={[]} />
        {refusal ? (
          <p class="form-error" role="alert">
            {refusal}
          </p>
        ) : null}
      </div>
      <div class="dialog-actions">
        <Writable>
          <Button variant="primary" onClick={onEdit}>
            Edit
          </Button>
          {isDefault || !payable ? null : <Button onClick={makeDefault}>Make default</Button>}
          <Button onClick={remove}>Remove</Button>
        </Writable>
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}

/** "Remove payment method?": the card goes from this billing account; undo from the toast brings it back. */
function RemoveCardConfirm({ card, onClose }: { card: PaymentMethod; onClose: () => void }) {
  const { errors, run } = useCommand();
  return (
    <ConfirmDialog
      title="Remove payment method"
      confirmLabel="Remove"
      danger
      onConfirm={() => void run('removePaymentMethod', { paymentMethodId: card.id }, onClose)}
      onCancel={onClose}
    >
      <FormError errors={errors} fields={[]} />
      <p>
        Remove {cardLabel(card)} ({cardExpiry(card).toLowerCase()})?
      </p>
      <p class="muted">It can no longer pay. Subscriptions that ended keep their invoices.</p>
    </ConfirmDialog>
  );
}
