import { Tabs } from '../../../components/Tabs';
import { navigate } from '../router';
import { InvoicesTab } from './InvoicesTab';
import { PaymentMethodsTab } from './PaymentMethodsTab';

export type BillsTab = 'invoices' | 'payment-methods';

/** Billing > Bills & payments: Invoices and Payment methods tabs (#bills, #bills/payment-methods). */
export function BillsSection({ tab }: { tab: BillsTab }) {
  return (
    <>
      <h1>Bills &amp; payments</h1>
      <Tabs
        label="Bills & payments"
        tabs={[
          { key: 'invoices', label: 'Invoices' },
          { key: 'payment-methods', label: 'Payment methods' },
        ]}
        selected={tab}
        onSelect={(key) => (key === 'invoices' ? navigate('bills') : navigate('bills', key))}
      >
        {tab === 'invoices' ? <InvoicesTab /> : <PaymentMethodsTab />}
      </Tabs>
    </>
  );
}
