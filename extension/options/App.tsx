import { useEffect, useRef } from 'preact/hooks';
import { ServerNotices } from '../ui/ServerNotices';
import { ReadOnlyNotice } from '../ui/read-only';
import { SyncStatus } from '../ui/SyncStatus';
import { useOrganization } from '../ui/organization';
import { ready } from '../ui/messaging';
import { BillingAccountsSection } from './billing-accounts/BillingAccountsSection';
import { BillsSection } from './bills/BillsSection';
import { HelpSection } from './help/HelpSection';
import { LicensesSection } from './licenses/LicensesSection';
import { ProductsSection } from './products/ProductsSection';
import { href, useRoute, type Route, type SectionKey } from './router';
import { SettingsSection } from './settings/SettingsSection';

const BILLING: readonly [SectionKey, string][] = [
  ['products', 'Your products'],
  ['licenses', 'Licenses'],
  ['billing-accounts', 'Billing accounts'],
  ['bills', 'Bills & payments'],
];
const SUPPORT: readonly [SectionKey, string][] = [
  ['help', 'Help'],
  ['settings', 'Settings'],
];

function NavGroup({ label, items, current }: { label: string; items: readonly [SectionKey, string][]; current: SectionKey }) {
  return (
    <>
      <p class="nav-group-label" id={`nav-${label}`}>
        {label}
      </p>
      <ul class="nav-list" aria-labelledby={`nav-${label}`}>
        {items.map(([key, text]) => (
          <li key={key}>
            <a href={href(key)} aria-current={key === current ? 'page' : undefined}>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The full console: a left nav of sections named as in Microsoft 365's billing pages. */
export function App() {
  const route = useRoute();
  const org = useOrganization();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const routeKey = `${route.section}/${route.parts.join('/')}`;

  useEffect(() => {
    void ready();
  }, []);

  // Each view gets its own document title: "Licenses – Seatkeeper".
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const update = () => {
      const heading = main.querySelector('h1')?.textContent;
      const title = heading ? `${heading} – Seatkeeper` : 'Seatkeeper';
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  // After navigating, move focus to the new page's heading so keyboard and screen reader users land on it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [routeKey]);

  return (
    <div class="console">
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        Skip to main content
      </a>
      <nav class="console-nav" aria-label="Seatkeeper">
        <p class="console-brand">
          Seatkeeper
          {org ? <span class="console-org">{org.name}</span> : null}
        </p>
        <NavGroup label="Billing" items={BILLING} current={route.section} />
        <NavGroup label="Support" items={SUPPORT} current={route.section} />
        <SyncStatus />
      </nav>
      <main id="main" class="console-main" ref={mainRef} tabIndex={-1}>
        <ServerNotices />
        <ReadOnlyNotice />
        <Section route={route} />
      </main>
    </div>
  );
}

function Section({ route }: { route: Route }) {
  switch (route.section) {
    case 'products':
      return <ProductsSection parts={route.parts} />;
    case 'licenses':
      return <LicensesSection subscriptionId={route.parts[0]} />;
    case 'billing-accounts':
      return <BillingAccountsSection parts={route.parts} />;
    case 'bills':
      return <BillsSection tab={route.parts[0] === 'payment-methods' || route.parts[0] === 'spend' ? route.parts[0] : 'invoices'} />;
    case 'help':
      return <HelpSection />;
    case 'settings':
      return <SettingsSection />;
  }
}
