import { useEffect, useRef, useState } from 'preact/hooks';
import { amountsFor } from '../../../lib/billing/invoice';
import { defaultCardId, isDefaultCard, payableCards } from '../../../lib/billing/payable-cards';
import { priceSuffix, TAX_RATE_PENDING } from '../../../lib/billing/price-label';
import type { PaymentMethod } from '../../../lib/billing/schemas';
import { buyFormErrors } from '../../../lib/commands/buy-form';
import type { BuyInput } from '../../../lib/commands/inputs';
import type { Product, Term } from '../../../lib/org/schemas';
import { productRefusal, selfServiceAllowed } from '../../../lib/rules/purchase-rules';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { Field, LabelOptions } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { MoneyText } from '../../../components/MoneyText';
import { db } from '../../ui/db';
import { TERM_LABELS } from '../../../components/format';
import { plural } from '../../../lib/text/plural';
import { useOrganization } from '../../ui/organization';
import { fieldError, toNumber, useCommand } from '../../ui/use-command';
import { useLiveQuery } from '../../ui/use-live-query';
import { useBillingProfiles, useHasAccount, usePaymentMethods } from '../shared/data';
import { cardExpiry, cardLabel } from '../shared/cards';
import { FormActions } from '../../../components/FormActions';

const FIELDS = ['productId', 'licenses', 'term', 'paymentMethodId'];

/**
 * "Buy a subscription" from the self-service catalog, in two steps: the form (every invalid field
 * reported at once, each error gone as soon as its field is valid), then a review of what will be
 * charged. Only the review's Buy sends the command; an error it answers brings the form back.
 */
export function BuyPane({ onClose }: { onClose: () => void }) {
  // Self-service products, and those the IT admin decided about: one turned off is listed, not buyable, with why.
  const catalog = useLiveQuery(() => db.products.orderBy('name').filter((p) => p.selfService || p.selfServicePolicy !== undefined).toArray(), []).data;
  const turnedOff = (catalog ?? []).filter((p) => !selfServiceAllowed(p));
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
  const [reviewing, setReviewing] = useState(false);

  const product = catalog?.find((p) => p.id === productId);
  const cardId = paymentMethodId || (cards && profiles ? defaultCardId(cards, profiles) : undefined) || '';
  const card = cards?.find((pm) => pm.id === cardId);
  const count = toNumber(licenses);
  const input: BuyInput = { productId, licenses: count, term, paymentMethodId: cardId };
  const { errors, run, validate, pending, formRef } = useCommand({
    values: { productId, licenses, term, paymentMethodId: cardId },
    problems: buyFormErrors(input, product, card, new Date().toISOString()),
  });
  const taxRateBps = org?.taxRateBps;
  // The review shows only what it can state in full: the total needs the tax rate.
  const showingReview = reviewing && product !== undefined && card !== undefined && taxRateBps !== undefined;
  useStepFocus(formRef, showingReview);

  function submit(e: Event) {
    e.preventDefault();
    if (!showingReview) {
      if (validate()) setReviewing(true);
      return;
    }
    void run('buy', input, onClose).then((ok) => {
      if (!ok) setReviewing(false);
    });
  }

  return (
    <Dialog title="Buy a subscription" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormError errors={errors} fields={FIELDS} />
        {showingReview ? (
          <>
            <Review product={product} count={count} term={term} card={card} taxRateBps={taxRateBps} />
            <div class="dialog-actions">
              <Button type="submit" variant="primary" aria-disabled={pending ? 'true' : undefined}>
                Buy
              </Button>
              <Button onClick={() => setReviewing(false)}>Back</Button>
            </div>
          </>
        ) : (
          <>
            <Field
              kind="select"
              label="Product"
              name="productId"
              value={productId}
              onChange={(e) => setProductId(e.currentTarget.value)}
              error={fieldError(errors, 'productId')}
              hint={
                <>
                  {product && selfServiceAllowed(product) ? product.description : 'Only self-service products are listed.'}
                  {turnedOff.map((p) => (
                    <span key={p.id} class="field-hint-line">
                      {productRefusal(p)}
                    </span>
                  ))}
                </>
              }
            >
              <option value="">Choose a product</option>
              {(catalog ?? []).map((p) => (
                <option key={p.id} value={p.id} disabled={!selfServiceAllowed(p)}>
                  {selfServiceAllowed(p) ? p.name : `${p.name} (turned off by your IT admin)`}
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
                taxRateBps === undefined ? (
                  <p>{TAX_RATE_PENDING}</p>
                ) : (
                  <PriceLines product={product} count={count} term={term} taxRateBps={taxRateBps} />
                )
              ) : (
                <p>Choose a product and a number of licenses to see the price.</p>
              )}
            </div>
            <FormActions submitLabel="Review" onCancel={onClose} />
          </>
        )}
      </form>
    </Dialog>
  );
}

/** Moving between the steps moves focus: to the review's heading, or back to the first invalid field (else Review). */
function useStepFocus(formRef: { current: HTMLFormElement | null }, reviewing: boolean) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = formRef.current;
    const target = reviewing
      ? root?.querySelector<HTMLElement>('[data-review]')
      : (root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('button[type="submit"]'));
    target?.focus();
  }, [formRef, reviewing]);
}

interface PriceProps {
  product: Product;
  count: number;
  term: Term;
  taxRateBps: number;
}

function PriceLines({ product, count, term, taxRateBps }: PriceProps) {
  const { currency } = product;
  const unitPrice = product.prices[term];
  const amounts = amountsFor(unitPrice * count, taxRateBps);
  return (
    <>
      <p>
        Price: <MoneyText amount={unitPrice} currency={currency} suffix={priceSuffix({ term, tax: 'before', perLicense: true })} />{' '}
        × {plural(count, 'license')}
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

/** What Buy will do: the product, licenses, term and card, and the total with tax for each term. */
function Review({ product, count, term, card, taxRateBps }: PriceProps & { card: PaymentMethod }) {
  const { currency } = product;
  const amounts = amountsFor(product.prices[term] * count, taxRateBps);
  return (
    <section class="review" aria-labelledby="buy-review">
      <h3 id="buy-review" tabIndex={-1} data-review>
        Review your purchase
      </h3>
      <dl class="details">
        <dt>Product</dt>
        <dd>{product.name}</dd>
        <dt>Licenses</dt>
        <dd>{count.toLocaleString('en-US')}</dd>
        <dt>Term</dt>
        <dd>{TERM_LABELS[term]}</dd>
        <dt>Payment method</dt>
        <dd>{cardLabel(card)}</dd>
        <dt>Price</dt>
        <dd>
          <MoneyText amount={product.prices[term]} currency={currency} suffix={priceSuffix({ term, tax: 'before', perLicense: true })} />
        </dd>
        <dt>Total</dt>
        <dd>
          <strong>
            <MoneyText amount={amounts.total} currency={currency} suffix={priceSuffix({ term, tax: 'incl' })} />
          </strong>
          <span class="detail">
            Subtotal <MoneyText amount={amounts.subtotal} currency={currency} /> + tax{' '}
            <MoneyText amount={amounts.tax} currency={currency} />
          </span>
        </dd>
      </dl>
      <p>
        <strong>
          First charge today: <MoneyText amount={amounts.total} currency={currency} />
        </strong>{' '}
        to {cardLabel(card)}, then every {term === 'monthly' ? 'month' : 'year'} until you cancel.
      </p>
    </section>
  );
}
