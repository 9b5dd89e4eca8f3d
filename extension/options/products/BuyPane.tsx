import { useState } from 'preact/hooks';
import { amountsFor } from '../../../lib/billing/invoice';
import { defaultCardId, isDefaultCard, payableCards } from '../../../lib/billing/payable-cards';
import type { BuyInput } from '../../../lib/commands/inputs';
import type { Term } from '../../../lib/org/schemas';
import { Dialog } from '../../../components/Dialog';
import { Field, LabelOptions } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { MoneyText } from '../../../components/MoneyText';
import { db } from '../../ui/db';
import { PER_TERM, TERM_LABELS } from '../../../components/format';
import { plural } from '../../../lib/text/plural';
import { useOrganization } from '../../ui/hooks';
import { fieldError, toNumber, useCommand } from '../../ui/use-command';
import { useLiveQuery } from '../../ui/use-live-query';
import { useBillingProfiles, useHasAccount, usePaymentMethods } from '../shared/data';
import { cardExpiry, cardLabel } from '../shared/cards';
import { FormActions } from '../../../components/FormActions';

const FIELDS = ['productId', 'licenses', 'term', 'paymentMethodId'];

/** "Buy a subscription" from the self-service catalog. */
export function BuyPane({ onClose }: { onClose: () => void }) {
  const catalog = useLiveQuery(() => db.products.orderBy('name').filter((p) => p.selfService).toArray(), []).data;
  const allCards = usePaymentMethods();
  const profiles = useBillingProfiles();
  const signedIn = useHasAccount();
  // Signed in, only cards the server can charge; the default one first chosen.
  const cards = allCards && signedIn !== undefined ? payableCards(allCards, signedIn) : undefined;
  const org = useOrganization();
  const [productId, setProductId] = useState('');
  const [licenses, setLicenses] = useState('1');
  const [term, setTerm] = useState<Term>('monthly');
  const [paymentMethodId, setPaymentMethodId] = useState('');
  const { errors: rawErrors, run, formRef } = useCommand();
  // An empty select fails the Id check with a generic message; say what to do instead.
  const errors =
    rawErrors.productId && !productId ? { ...rawErrors, productId: 'Choose a product' } : rawErrors;

  const product = catalog?.find((p) => p.id === productId);
  const cardId = paymentMethodId || (cards && profiles ? defaultCardId(cards, profiles) : undefined) || '';
  const count = toNumber(licenses);

  function submit(e: Event) {
    e.preventDefault();
    const input: BuyInput = { productId, licenses: count, term, paymentMethodId: cardId };
    void run('buy', input, () => {
      onClose();
    });
  }

  return (
    <Dialog title="Buy a subscription" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={FIELDS} />
        <Field
          kind="select"
          label="Product"
          name="productId"
          value={productId}
          onChange={(e) => setProductId(e.currentTarget.value)}
          error={fieldError(errors, 'productId')}
          hint={product ? product.description : 'Only self-service products are listed.'}
        >
          <option value="">Choose a product</option>
          {(catalog ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Field>
        <div class="field-row">
          <Field
            label="Licenses"
            name="licenses"
            type="number"
            inputMode="numeric"
            min={1}
            max={product?.maxLicenses}
            step={1}
            value={licenses}
            onInput={(e) => setLicenses(e.currentTarget.value)}
            error={fieldError(errors, 'licenses')}
            hint={product ? `Up to ${product.maxLicenses.toLocaleString('en-US')}` : undefined}
          />
          <Field
            kind="select"
            label="Term"
            name="term"
            value={term}
            onChange={(e) => setTerm(e.currentTarget.value as Term)}
            error={fieldError(errors, 'term')}
          >
            <LabelOptions labels={TERM_LABELS} />
          </Field>
        </div>
        <Field
          kind="select"
          label="Payment method"
          name="paymentMethodId"
          value={cardId}
          onChange={(e) => setPaymentMethodId(e.currentTarget.value)}
          error={fieldError(errors, 'paymentMethodId')}
          hint={cards && cards.length === 0 ? 'Add a payment method in Bills & payments first.' : undefined}
        >
          {(cards ?? []).map((pm) => (
            <option key={pm.id} value={pm.id}>
              {cardLabel(pm)} ({cardExpiry(pm).toLowerCase()}){isDefaultCard(pm, profiles ?? []) ? ' · default' : ''}
            </option>
          ))}
        </Field>
        <div class="preview" aria-live="polite" aria-atomic="true">
          {product && Number.isInteger(count) && count >= 1 ? (
            <PriceLines
              unitPrice={product.prices[term]}
              count={count}
              term={term}
              currency={product.currency}
              taxRateBps={org?.taxRateBps ?? 0}
            />
          ) : (
            <p>Choose a product and a number of licenses to see the price.</p>
          )}
        </div>
        <FormActions submitLabel="Buy" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function PriceLines({
  unitPrice,
  count,
  term,
  currency,
  taxRateBps,
}: {
  unitPrice: number;
  count: number;
  term: Term;
  currency: 'USD' | 'EUR' | 'GBP';
  taxRateBps: number;
}) {
  const amounts = amountsFor(unitPrice * count, taxRateBps);
  return (
    <>
      <p>
        Price: <MoneyText amount={unitPrice} currency={currency} /> per license {PER_TERM[term]} ×{' '}
        {plural(count, 'license')}
      </p>
      <p>
        Subtotal <MoneyText amount={amounts.subtotal} currency={currency} /> + tax{' '}
        <MoneyText amount={amounts.tax} currency={currency} />
      </p>
      <p>
        <strong>
          Charged today: <MoneyText amount={amounts.total} currency={currency} />
        </strong>
        , then every {term === 'monthly' ? 'month' : 'year'} until you cancel.
      </p>
    </>
  );
}
