import { useState } from 'preact/hooks';
import type { ReactivateInput } from '../../../lib/commands/inputs';
import type { Subscription } from '../../../lib/subscriptions/schema';
import { Button } from '../../../components/Button';
import { Writable } from '../../ui/read-only';
import { Field, LabelOptions } from '../../../components/Field';
import { MenuButton, type MenuItem } from '../../../components/Menu';
import { paymentHasFailed, SubscriptionStatus } from '../../../components/SubscriptionStatus';
import { EmptyState } from '../../../components/EmptyState';
import { MoneyText } from '../../../components/MoneyText';
import { PaymentNoticeText } from '../../../components/PaymentNoticeText';
import { Tabs } from '../../../components/Tabs';
import { useToast } from '../../../components/Toast';
import { LicensesPane, type LicensesMode } from '../../ui/features/LicensesPane';
import { usePayNow } from '../../ui/features/use-pay-now';
import { priceSuffix } from '../../../lib/billing/price-label';
import { unusedLicenses, unusedRemovedTotal } from '../../../lib/insights/unused-licenses';
import { UnusedLicensesCell } from './UnusedLicensesCell';
import { UpcomingRenewals } from './UpcomingRenewals';
import { usePaymentNotices } from '../../ui/hooks';
import { db } from '../../ui/db';
import { useLiveQuery } from '../../ui/use-live-query';
import { command } from '../../ui/messaging';
import { licenseCounts, renewalText, statusOf, subscriptionTitle, termSince } from '../../../components/subscription-view';
import { usePurchaser, useSubscriptions } from '../shared/data';
import { navigate } from '../router';
import { Loading } from '../shared/Loading';
import { BuyPane } from './BuyPane';
import { CancelPane } from './CancelPane';
import { PayWithCardPane } from './PayWithCardPane';

type Filter = 'self-service' | 'all' | 'active' | 'canceled';
const FILTER_LABELS: Record<Filter, string> = {
  'self-service': 'Self-service',
  all: 'All',
  active: 'Active',
  canceled: 'Canceled',
};

type Pane = { kind: 'new' } | { kind: LicensesMode | 'remove-unused' | 'cancel' | 'pay-with-card'; subscriptionId: string };
type ProductsTab = 'products' | 'renewals';

/**
 * Billing > Your products: the Products tab, filterable, with per-row actions. `#products/pay/<id>`
 * (the popup's "Pay with another card") opens that subscription's Pay with another card pane.
 */
export function ProductsSection({ parts }: { parts: string[] }) {
  const subs = useSubscriptions();
  // Products the IT admin turned off: their subscriptions keep every control, only new purchases are refused.
  const turnedOff = new Set(useLiveQuery(() => db.products.toArray(), []).data?.filter((p) => p.selfServicePolicy === 'deny').map((p) => p.id));
  const purchaser = usePurchaser();
  const payments = usePaymentNotices();
  const [filter, setFilter] = useState<Filter>('self-service');
  const [chosen, setPane] = useState<Pane | null>(null);
  // The address's pane while it names one; closing it leaves the address, so a reload does not reopen it.
  const payFor = parts[0] === 'pay' ? parts[1] : undefined;
  const pane: Pane | null = payFor ? { kind: 'pay-with-card', subscriptionId: payFor } : chosen;
  const payNow = usePayNow();
  function closePay() {
    if (payFor) navigate('products');
    else setPane(null);
  }
  const [tab, setTab] = useState<ProductsTab>('products');
  const toast = useToast();
  const now = new Date().toISOString();

  const shown = (subs ?? []).filter((sub) => {
    const status = statusOf(sub, now);
    if (filter === 'self-service') return !purchaser || sub.purchaserId === purchaser.id;
    if (filter === 'active') return status === 'active';
    if (filter === 'canceled') return status !== 'active';
    return true;
  });
  const paneSub = pane && pane.kind !== 'new' ? subs?.find((s) => s.id === pane.subscriptionId) : undefined;

  async function reactivate(sub: Subscription) {
    const input: ReactivateInput = { subscriptionId: sub.id };
    const result = await command('reactivate', input);
    if (result.ok) toast.show(result.message, { canUndo: result.canUndo });
    else toast.show(Object.values(result.errors)[0] ?? 'Could not reactivate the subscription', { tone: 'error' });
  }

  function menuItems(sub: Subscription, status: string): MenuItem[] {
    if (status === 'expired') return [];
    const pay: MenuItem[] = paymentHasFailed(payments[sub.id])
      ? [
          { label: 'Pay now', onSelect: () => void payNow(sub) },
          { label: 'Pay with another card', onSelect: () => setPane({ kind: 'pay-with-card', subscriptionId: sub.id }) },
        ]
      : [];
    if (status === 'canceled') return [...pay, { label: 'Reactivate', onSelect: () => void reactivate(sub) }];
    return [
      ...pay,
      { label: 'Buy licenses', onSelect: () => setPane({ kind: 'buy', subscriptionId: sub.id }) },
      { label: 'Remove licenses', onSelect: () => setPane({ kind: 'remove', subscriptionId: sub.id }) },
      { label: 'Cancel subscription', onSelect: () => setPane({ kind: 'cancel', subscriptionId: sub.id }) },
    ];
  }

  return (
    <>
      <div class="section-head">
        <h1>Your products</h1>
        <Writable>
          <Button variant="primary" onClick={() => setPane({ kind: 'new' })}>
            Buy a subscription
          </Button>
        </Writable>
      </div>
      <Tabs
        label="Your products"
        tabs={[
          { key: 'products', label: 'Products' },
          { key: 'renewals', label: 'Upcoming renewals' },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'renewals' ? <UpcomingRenewals subs={subs} /> : (<>
        <div class="toolbar">
          <Field
            kind="select"
            label="Filter"
            name="filter"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as Filter)}
          >
            <LabelOptions labels={FILTER_LABELS} />
          </Field>
          <p class="muted" role="status">
            {subs ? `Showing ${shown.length} of ${subs.length} subscriptions` : ''}
          </p>
        </div>
        {!subs ? (
          <Loading what="your products" />
        ) : shown.length === 0 ? (
          <EmptyState title={subs.length ? 'No subscriptions match this filter' : 'You have no subscriptions yet'}>
            <p>{subs.length ? 'Choose All to see every subscription.' : 'Select Buy a subscription to get started.'}</p>
          </EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="products-table">
              <caption class="visually-hidden">Your subscriptions ({FILTER_LABELS[filter]})</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Term</th>
                  <th scope="col">Licenses assigned</th>
                  <th scope="col">Status</th>
                  <th scope="col">Renewal or expiry</th>
                  <th scope="col">Unused licenses</th>
                  <th scope="col" class="num">
                    Price
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((sub) => {
                  const status = statusOf(sub, now);
                  const active = status === 'active';
                  const { assigned, total } = licenseCounts(sub);
                  const waste = unusedLicenses(sub, now);
                  return (
                    <tr key={sub.id}>
                      <th scope="row">
                        {sub.productName}
                        {turnedOff.has(sub.productId) ? <span class="field-hint-line muted">Your IT admin has turned off new purchases of it</span> : null}
                      </th>
                      <td>{termSince(sub)}</td>
                      <td>
                        {assigned}/{total}
                      </td>
                      <td>
                        <SubscriptionStatus status={status} payment={payments[sub.id]} />{' '}
                        <PaymentNoticeText notice={payments[sub.id]} />
                      </td>
                      <td>{renewalText(sub, status)}</td>
                      <td>
                        <UnusedLicensesCell waste={waste} canRemove={active} onRemove={() => setPane({ kind: 'remove-unused', subscriptionId: sub.id })} />
                      </td>
                      <td class="num">
                        <MoneyText amount={sub.unitPrice * sub.licenses} currency={sub.currency} suffix={priceSuffix({ term: sub.term, tax: 'before' })} />
                      </td>
                      <td>
                        <Writable>
                        <div class="row-actions">
                          {active ? (
                            <>
                              <Button small onClick={() => setPane({ kind: 'buy', subscriptionId: sub.id })}>
                                Buy licenses
                              </Button>
                              <Button small onClick={() => setPane({ kind: 'remove', subscriptionId: sub.id })}>
                                Remove licenses
                              </Button>
                            </>
                          ) : status === 'canceled' ? (
                            <Button small onClick={() => void reactivate(sub)}>
                              Reactivate
                            </Button>
                          ) : (
                            <span class="muted">Ended</span>
                          )}
                          {status === 'expired' ? null : (
                            <MenuButton label={`More actions for ${subscriptionTitle(sub)}`} items={menuItems(sub, status)}>
                              <span aria-hidden="true">⋯</span>
                            </MenuButton>
                          )}
                        </div>
                        </Writable>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        </>)}
      </Tabs>
      {pane?.kind === 'new' ? <BuyPane onClose={() => setPane(null)} /> : null}
      {paneSub && pane && (pane.kind === 'buy' || pane.kind === 'remove') ? (
        <LicensesPane sub={paneSub} mode={pane.kind} onClose={() => setPane(null)} />
      ) : null}
      {paneSub && pane?.kind === 'remove-unused' ? (
        <LicensesPane sub={paneSub} mode="remove" initialTotal={unusedRemovedTotal(paneSub)} onClose={() => setPane(null)} />
      ) : null}
      {paneSub && pane?.kind === 'cancel' ? <CancelPane sub={paneSub} onClose={() => setPane(null)} /> : null}
      {paneSub && pane?.kind === 'pay-with-card' ? <PayWithCardPane sub={paneSub} onClose={closePay} /> : null}
    </>
  );
}
