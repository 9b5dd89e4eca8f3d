import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Field } from '../ui/components/Field';
import { EmptyState, SyncStatus } from '../ui/components/misc';
import { db } from '../ui/db';
import { useOrganization, usePaymentNotices } from '../ui/hooks';
import { ready } from '../ui/messaging';
import { matchesSearch, SORT_LABELS, sortSubscriptions, type SortKey } from '../ui/subscription-view';
import { useLiveQuery } from '../ui/use-live-query';
import { SubscriptionCard, type QuickAction } from './SubscriptionCard';
import { QuickActionPane } from './QuickActionPane';

function openConsole(e: Event) {
  e.preventDefault();
  void browser.runtime.openOptionsPage().then(() => window.close());
}

/** The purchaser's quick view: their subscriptions, searchable and sortable, with quick actions. */
export function App() {
  const [readyError, setReadyError] = useState('');
  const [isReady, setIsReady] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [action, setAction] = useState<{ kind: QuickAction; subscriptionId: string } | null>(null);
  const org = useOrganization();
  const payments = usePaymentNotices();
  const { data: subs } = useLiveQuery(() => db.subscriptions.toArray(), []);

  useEffect(() => {
    void ready().then((r) => {
      setIsReady(true);
      if (!r.ok) setReadyError(Object.values(r.errors)[0] ?? 'The background did not answer.');
    });
  }, []);

  const shown = subs ? sortSubscriptions(subs.filter((s) => matchesSearch(s, query)), sort) : [];
  const actionSub = action && subs?.find((s) => s.id === action.subscriptionId);
  const now = new Date().toISOString();

  return (
    <div class="popup">
      <header class="popup-header">
        <div>
          <h1>Seatkeeper</h1>
          {org ? <p class="popup-org">{org.name}</p> : null}
        </div>
        <a href={browser.runtime.getURL('/options.html')} onClick={openConsole}>
          Open Seatkeeper
        </a>
      </header>
      <main class="popup-main">
        {readyError ? (
          <p class="form-error" role="alert">
            {readyError}
          </p>
        ) : null}
        {subs === undefined || (subs.length === 0 && !isReady) ? (
          <p class="muted" role="status">
            Loading your subscriptions…
          </p>
        ) : subs.length === 0 ? (
          <EmptyState title="No subscriptions yet">
            <p>Subscriptions you buy for your team show up here.</p>
            <p>
              <a href={browser.runtime.getURL('/options.html#products')} onClick={openConsole}>
                Buy a subscription in Seatkeeper
              </a>
            </p>
          </EmptyState>
        ) : (
          <>
            <div class="popup-tools">
              <Field
                label="Search subscriptions"
                name="search"
                type="search"
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
              <Field
                kind="select"
                label="Sort by"
                name="sort"
                value={sort}
                onChange={(e) => setSort(e.currentTarget.value as SortKey)}
              >
                {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
                  <option key={key} value={key}>
                    {SORT_LABELS[key]}
                  </option>
                ))}
              </Field>
            </div>
            <p class="visually-hidden" role="status">
              {query ? `${shown.length} of ${subs.length} subscriptions match` : ''}
            </p>
            {shown.length ? (
              <ul class="sub-list" aria-label="Your subscriptions">
                {shown.map((sub) => (
                  <SubscriptionCard
                    key={sub.id}
                    sub={sub}
                    now={now}
                    payment={payments[sub.id]}
                    onAction={(kind) => setAction({ kind, subscriptionId: sub.id })}
                  />
                ))}
              </ul>
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
      {action && actionSub ? <QuickActionPane kind={action.kind} sub={actionSub} onClose={() => setAction(null)} /> : null}
    </div>
  );
}
