import { useEffect, useRef, useState } from 'preact/hooks';
import { Field, LabelOptions } from '../../components/Field';
import { EmptyState } from '../../components/EmptyState';
import { ServerNotices } from '../ui/ServerNotices';
import { ReadOnlyNotice, Writable } from '../ui/read-only';
import { SyncStatus } from '../ui/SyncStatus';
import { db } from '../ui/db';
import { plural } from '../../lib/text/plural';
import { usePaymentNotices } from '../ui/hooks';
import { useOrganization } from '../ui/organization';
import { ready } from '../ui/messaging';
import { SORT_LABELS, type SortKey } from '../../components/subscription-view';
import { useLiveQuery } from '../ui/use-live-query';
import { SubscriptionCard, type QuickAction } from './SubscriptionCard';
import { ShowMore } from './ShowMore';
import { consoleUrl, openConsole } from './open-console';
import { usePayNow } from '../ui/features/use-pay-now';
import { useSubscriptionList, type SubscriptionList } from './use-subscription-list';
import { useTotalWaste } from './use-total-waste';
import { PAGE } from './first-screen';
import { totalWasteText } from '../../lib/insights/waste-text';

/**
 * The quick-action panes (licenses, assign, unassign) load right after the list, not with it: they
 * are a fifth of the popup's code and no one needs them before the first card shows.
 */
type Panes = typeof import('./QuickActionPane');
const loadPanes = () => import('./QuickActionPane');

/**
 * The purchaser's quick view: their subscriptions, searchable and sortable, with quick actions.
 * `firstList` is the default view read before the first render.
 */
export function App({ firstList }: { firstList?: SubscriptionList }) {
  const [readyError, setReadyError] = useState('');
  const [isReady, setIsReady] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [limit, setLimit] = useState(PAGE);
  const cards = useRef<HTMLUListElement>(null);
  const revealedFrom = useRef(-1);
  const [action, setAction] = useState<{ kind: QuickAction; subscriptionId: string } | null>(null);
  const org = useOrganization();
  const payments = usePaymentNotices();
  const list = useSubscriptionList(query, sort, limit, firstList);
  const waste = useTotalWaste();
  const payNow = usePayNow();
  // Read by id, not from the list: a change made in the pane (more licenses) can move its card
  // out of the first `limit`, which must not close the pane.
  const opened = useLiveQuery(
    () => (action ? db.subscriptions.get(action.subscriptionId) : undefined),
    [action?.subscriptionId],
  ).data;
  const actionSub = opened && opened.id === action?.subscriptionId ? opened : undefined;
  const [panes, setPanes] = useState<Panes>();
  useEffect(() => {
    void loadPanes().then(setPanes);
  }, []);

  useEffect(() => {
    void ready().then((r) => {
      setIsReady(true);
      if (!r.ok) setReadyError(Object.values(r.errors)[0] ?? 'The background did not answer.');
    });
  }, []);

  // Focus moves to the first card "Show more" revealed (once it is read and rendered), so Tab
  // continues there and the focus is not lost when the button goes away with the last cards.
  useEffect(() => {
    const from = revealedFrom.current;
    if (from < 0 || !list || list.first.length <= from) return;
    revealedFrom.current = -1;
    cards.current?.children[from]?.querySelector<HTMLElement>('h2')?.focus();
  }, [list]);

  function showMore() {
    revealedFrom.current = limit;
    setLimit(limit + PAGE);
  }

  const now = new Date().toISOString();

  return (
    <div class="popup">
      <header class="popup-header">
        <div>
          <h1>Seatkeeper</h1>
          {org ? <p class="popup-org">{org.name}</p> : null}
        </div>
        <a href={consoleUrl()} onClick={openConsole}>
          Open Seatkeeper
        </a>
      </header>
      <main class="popup-main">
        <ServerNotices />
        <ReadOnlyNotice />
        {waste?.length ? <p class="popup-waste">{totalWasteText(waste)}</p> : null}
        {readyError ? (
          <p class="form-error" role="alert">
            {readyError}
          </p>
        ) : null}
        {list === undefined || (list.total === 0 && !isReady) ? (
          <p class="muted" role="status">
            Loading your subscriptions…
          </p>
        ) : list.total === 0 ? (
          <EmptyState title="No subscriptions yet">
            <p>Subscriptions you buy for your team show up here.</p>
            <Writable>
              <p>
                <a href={consoleUrl('products')} onClick={openConsole}>
                  Buy a subscription in Seatkeeper
                </a>
              </p>
            </Writable>
          </EmptyState>
        ) : (
          <>
            <div class="popup-tools">
              <Field
                label="Search subscriptions"
                name="search"
                type="search"
                value={query}
                onInput={(e) => {
                  setQuery(e.currentTarget.value);
                  setLimit(PAGE);
                }}
              />
              <Field
                kind="select"
                label="Sort by"
                name="sort"
                value={sort}
                onChange={(e) => {
                  setSort(e.currentTarget.value as SortKey);
                  setLimit(PAGE);
                }}
              >
                <LabelOptions labels={SORT_LABELS} />
              </Field>
            </div>
            <p class="visually-hidden" role="status">
              {query ? `${list.matched.toLocaleString('en-US')} of ${plural(list.total, 'subscription')} match` : ''}
            </p>
            {list.matched ? (
              <>
                <ul class="sub-list" aria-label="Your subscriptions" ref={cards}>
                  {list.first.map((sub) => (
                    <SubscriptionCard
                      key={sub.id}
                      sub={sub}
                      now={now}
                      payment={payments[sub.id]}
                      onAction={(kind) => setAction({ kind, subscriptionId: sub.id })}
                      onPayNow={() => void payNow(sub)}
                    />
                  ))}
                </ul>
                {list.matched > list.first.length ? (
                  <ShowMore shown={list.first.length} total={list.matched} step={PAGE} onMore={showMore} />
                ) : null}
              </>
            ) : (
              <EmptyState title="No matches">
                <p>No subscription matches “{query.trim()}”.</p>
              </EmptyState>
            )}
          </>
        )}
      </main>
      <footer class="popup-footer">
        <SyncStatus />
      </footer>
      {action && actionSub && panes ? <panes.QuickActionPane kind={action.kind} sub={actionSub} onClose={() => setAction(null)} /> : null}
    </div>
  );
}
