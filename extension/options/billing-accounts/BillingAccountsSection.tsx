import { useState } from 'preact/hooks';
import type { BillingAccount, BillingProfile } from '../../../lib/billing/schemas';
import { Button } from '../../../components/Button';
import { Writable } from '../../ui/read-only';
import { EmptyState } from '../../../components/EmptyState';
import { Tabs } from '../../../components/Tabs';
import { db } from '../../ui/db';
import { useLiveQuery } from '../../ui/use-live-query';
import { href, navigate } from '../router';
import { cardExpiry, cardLabel } from '../shared/cards';
import { usePaymentMethods } from '../shared/data';
import { Loading } from '../shared/Loading';
import { AddPaymentMethodPane, EditPaymentMethodPane, ReplacePaymentMethodPane } from '../shared/PaymentMethodPanes';

/**
 * Billing > Billing accounts. Routes: #billing-accounts (Overview), #billing-accounts/ACCOUNT[/profiles]
 * (account details, Overview or Billing profile tab), #billing-accounts/ACCOUNT/profiles/PROFILE.
 */
export function BillingAccountsSection({ parts }: { parts: string[] }) {
  const accounts = useLiveQuery(() => db.billingAccounts.toArray(), []).data;
  const profiles = useLiveQuery(() => db.billingProfiles.toArray(), []).data;
  const [accountId, tab, profileId] = parts;

  if (!accounts || !profiles) return <Loading what="billing accounts" />;
  const account = accountId ? accounts.find((a) => a.id === accountId) : undefined;
  if (account && profileId) {
    const profile = profiles.find((p) => p.id === profileId && p.accountId === account.id);
    if (profile) return <ProfileDetails account={account} profile={profile} />;
  }
  if (account) {
    return (
      <AccountDetails
        account={account}
        profiles={profiles.filter((p) => p.accountId === account.id)}
        tab={tab === 'profiles' ? 'profiles' : 'overview'}
      />
    );
  }
  return (
    <>
      <h1>Billing accounts</h1>
      <Tabs label="Billing accounts" tabs={[{ key: 'overview', label: 'Overview' }]} selected="overview" onSelect={() => {}}>
        {accounts.length === 0 ? (
          <EmptyState title="No billing accounts yet">
            <p>A billing account is created with your first purchase.</p>
          </EmptyState>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Your billing accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Billing account name</th>
                  <th scope="col">Type</th>
                  <th scope="col" class="num">
                    Billing profiles
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <a href={href('billing-accounts', a.id)}>{a.name}</a>
                    </th>
                    <td>{a.type}</td>
                    <td class="num">{profiles.filter((p) => p.accountId === a.id).length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Tabs>
    </>
  );
}

function Breadcrumb({ account, profile }: { account: BillingAccount; profile?: BillingProfile }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <a href={href('billing-accounts')}>Billing accounts</a> <span aria-hidden="true">›</span>{' '}
      {profile ? (
        <>
          <a href={href('billing-accounts', account.id, 'profiles')}>{account.name}</a> <span aria-hidden="true">›</span>{' '}
          <span>{profile.name}</span>
        </>
      ) : (
        <span>{account.name}</span>
      )}
    </nav>
  );
}

function AccountDetails({
  account,
  profiles,
  tab,
}: {
  account: BillingAccount;
  profiles: BillingProfile[];
  tab: 'overview' | 'profiles';
}) {
  return (
    <>
      <Breadcrumb account={account} />
      <h1>{account.name}</h1>
      <Tabs
        label="Billing account details"
        tabs={[
          { key: 'overview', label: 'Overview' },
          { key: 'profiles', label: 'Billing profile' },
        ]}
        selected={tab}
        onSelect={(key) => (key === 'profiles' ? navigate('billing-accounts', account.id, 'profiles') : navigate('billing-accounts', account.id))}
      >
        {tab === 'overview' ? (
          <dl class="details">
            <dt>Billing account name</dt>
            <dd>{account.name}</dd>
            <dt>Type</dt>
            <dd>{account.type}</dd>
            <dt>Billing profiles</dt>
            <dd>{profiles.length}</dd>
          </dl>
        ) : profiles.length === 0 ? (
          <EmptyState title="No billing profiles" headingLevel={2} />
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Billing profiles of {account.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Billing profile name</th>
                  <th scope="col">Invoice email</th>
                </tr>
              </thead>
              <tbody>
                {profiles.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={href('billing-accounts', account.id, 'profiles', p.id)}>{p.name}</a>
                    </th>
                    <td>{p.invoiceEmail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Tabs>
    </>
  );
}

type ProfilePane = 'edit' | 'replace' | 'add' | null;

function ProfileDetails({ account, profile }: { account: BillingAccount; profile: BillingProfile }) {
  const cards = usePaymentMethods();
  const [pane, setPane] = useState<ProfilePane>(null);
  const card = cards?.find((c) => c.id === profile.paymentMethodId);
  return (
    <>
      <Breadcrumb account={account} profile={profile} />
      <h1>{profile.name}</h1>
      <dl class="details">
        <dt>Billing account</dt>
        <dd>{account.name}</dd>
      </dl>
      <section class="card-panel" aria-labelledby="invoice-notifications">
        <h2 id="invoice-notifications">Invoice and billing notifications</h2>
        <dl class="details">
          <dt>Invoice email</dt>
          <dd>{profile.invoiceEmail}</dd>
        </dl>
        <h3>Payment method</h3>
        {!cards ? (
          <Loading what="payment method" />
        ) : card ? (
          <>
            <p>
              <strong>{cardLabel(card)}</strong>
              <br />
              <span class="muted">
                {cardExpiry(card)} · {card.nameOnCard}
              </span>
            </p>
            <Writable>
              <div class="button-row">
                <Button onClick={() => setPane('edit')}>Edit</Button>
                <Button onClick={() => setPane('replace')}>Replace</Button>
              </div>
            </Writable>
          </>
        ) : (
          <>
            <p>No payment method pays this profile’s invoices yet.</p>
            <Writable>
              <Button onClick={() => setPane('add')}>Add a payment method</Button>
            </Writable>
          </>
        )}
      </section>
      {pane === 'edit' && card ? <EditPaymentMethodPane card={card} onClose={() => setPane(null)} /> : null}
      {pane === 'replace' && card ? <ReplacePaymentMethodPane card={card} onClose={() => setPane(null)} /> : null}
      {pane === 'add' ? <AddPaymentMethodPane profileId={profile.id} makeDefault onClose={() => setPane(null)} /> : null}
    </>
  );
}
