import { Tabs } from '../../../components/Tabs';
import { navigate } from '../router';
import { InvoicesTab } from './InvoicesTab';
import { PaymentMethodsTab } from './PaymentMethodsTab';
import { SpendTab } from './SpendTab';

export type BillsTab = 'invoices' | 'spend' | 'payment-methods';

/** Billing > Bills & payments: Invoices, Spend over time and Payment methods tabs (#bills, #bills/spend, #bills/payment-methods). */
export function BillsSection({ tab }: { tab: BillsTab }) {
  return (
    <>
      <h1>Bills &amp; payments</h1>
      <Tabs
        label="Bills & payments"
        tabs={[
          { key: 'invoices', label: 'Invoices' },
          { key: 'spend', label: 'Spend over time' },
          { key: 'payment-methods', label: 'Payment methods' },
        ]}
        selected={tab}
        onSelect={(key) => (key === 'invoices' ? navigate('bills') : navigate('bills', key))}
      >
        {tab === 'invoices' ? <InvoicesTab /> : tab === 'spend' ? <SpendTab /> : <PaymentMethodsTab />}
      </Tabs>
    </>
  );
}
