import { useState } from 'preact/hooks';
import { invoiceDocument } from '../../../lib/billing/invoice-document';
import { invoicePeriod } from '../../../lib/billing/invoice-period';
import { invoiceProducts } from '../../../lib/billing/invoice-product';
import { DEFAULT_INVOICE_RANGE, invoicesInRange, validateInvoiceRange } from '../../../lib/billing/invoice-range';
import type { Invoice, InvoiceStatus } from '../../../lib/billing/schemas';
import type { InvoiceRange } from '../../../lib/commands/inputs';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { Field, LabelOptions } from '../../../components/Field';
import { Badge, type BadgeTone } from '../../../components/Badge';
import { EmptyState } from '../../../components/EmptyState';
import { MoneyText } from '../../../components/MoneyText';
import { db } from '../../ui/db';
import { formatDate } from '../../../components/format';
import { useOrganization } from '../../ui/organization';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePaymentMethods, useSubscriptions } from '../shared/data';
import { Loading } from '../shared/Loading';

type Period = InvoiceRange['kind'];
const PERIOD_LABELS: Record<Period, string> = {
  past3: 'Past 3 months',
  past6: 'Past 6 months',
  range: 'Specify a date range',
};
const STATUS: Record<InvoiceStatus, [string, BadgeTone]> = {
  paid: ['Paid', 'good'],
  due: ['Due', 'warn'],
  credit: ['Credit', 'neutral'],
};

/** The product of a subscription, for invoice lines issued before lines named theirs. */
function useProductOf(): (subscriptionId: string) => string | undefined {
  const subscriptions = useSubscriptions();
  return (id) => subscriptions?.find((sub) => sub.id === id)?.productName;
}

export function InvoicesTab() {
  const invoices = useLiveQuery(() => db.invoices.toArray(), []).data;
  const productOf = useProductOf();
  const [period, setPeriod] = useState<Period>(DEFAULT_INVOICE_RANGE.kind);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const now = new Date().toISOString();

  const range: InvoiceRange = period === 'range' ? { kind: 'range', from, to } : { kind: period };
  const untouched = period === 'range' && !from && !to;
  const errors = untouched ? {} : validateInvoiceRange(range, now);
  const valid = !untouched && Object.keys(errors).length === 0;
  const shown = invoices && (period !== 'range' || valid) ? invoicesInRange(invoices, range, now) : [];
  const open = invoices?.find((i) => i.id === openId);

  return (
    <>
      <div class="toolbar">
        <Field
          kind="select"
          label="Period"
          name="period"
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value as Period)}
        >
          <LabelOptions labels={PERIOD_LABELS} />
        </Field>
        {period === 'range' ? (
          <>
            <Field
              label="From"
              name="from"
              type="date"
              value={from}
              max={now.slice(0, 10)}
              onInput={(e) => setFrom(e.currentTarget.value)}
              error={from || to ? errors.from ?? (from ? undefined : 'Enter a start date') : undefined}
            />
            <Field
              label="To"
              name="to"
              type="date"
              value={to}
              max={now.slice(0, 10)}
              onInput={(e) => setTo(e.currentTarget.value)}
              error={from || to ? errors.to ?? (to ? undefined : 'Enter an end date') : undefined}
            />
          </>
        ) : null}
      </div>
      {!invoices ? (
        <Loading what="invoices" />
      ) : period === 'range' && !valid ? (
        <p class="muted" role="status">
          Enter a start and end date to see the invoices issued between them.
        </p>
      ) : shown.length === 0 ? (
        <EmptyState title="No invoices in this period">
          <p>Choose Past 6 months or Specify a date range to look further back.</p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              Invoices, {PERIOD_LABELS[period].toLowerCase()} ({shown.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">Invoice number</th>
                <th scope="col">Date</th>
                <th scope="col">Product</th>
                <th scope="col">Billing period</th>
                <th scope="col" class="num">
                  Total
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((inv) => (
                <tr key={inv.id}>
                  <th scope="row">
                    <button type="button" class="linklike" onClick={() => setOpenId(inv.id)}>
                      {inv.number}
                    </button>
                  </th>
                  <td>{formatDate(inv.issuedOn)}</td>
                  <td>{invoiceProducts(inv, productOf)}</td>
                  <td>{invoicePeriod(inv)}</td>
                  <td class="num">
                    <MoneyText amount={inv.total} currency={inv.currency} />
                  </td>
                  <td>
                    <Badge tone={STATUS[inv.status][1]}>{STATUS[inv.status][0]}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? <InvoicePane invoice={open} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

function InvoicePane({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const organization = useOrganization();
  const cards = usePaymentMethods();
  const productOf = useProductOf();
  const profile = useLiveQuery(() => db.billingProfiles.get(invoice.billingProfileId), [invoice.billingProfileId]).data;
  const account = useLiveQuery(async () => (profile ? db.billingAccounts.get(profile.accountId) : undefined), [profile?.accountId]).data;
  const [status, setStatus] = useState('');
  const ready = organization && cards;
  const contents = ready ? invoiceDocument({ invoice, organization, profile, account, cards, productOf }) : undefined;

  async function download() {
    if (!contents) return;
    setStatus(`Preparing ${contents.fileName}…`);
    try {
      // pdf-lib is loaded here only, so no other page carries it (the popup's budget).
      const { invoicePdf } = await import('./invoice-pdf');
      const bytes = await invoicePdf(contents);
      saveFile(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), contents.fileName);
      setStatus(`Downloaded ${contents.fileName}`);
    } catch {
      setStatus(`${contents.fileName} could not be made. Reload the page and try again.`);
    }
  }

  const money = (amount: number) => <MoneyText amount={amount} currency={invoice.currency} />;
  return (
    <Dialog title={`Invoice ${invoice.number}`} description={`Issued ${formatDate(invoice.issuedOn)}`} onClose={onClose}>
      <dl class="details">
        <dt>Product</dt>
        <dd>{invoiceProducts(invoice, productOf)}</dd>
        <dt>Billing period</dt>
        <dd>{invoicePeriod(invoice)}</dd>
        <dt>Billing profile</dt>
        <dd>{profile?.name ?? invoice.billingProfileId}</dd>
        {contents?.payment ? (
          <>
            <dt>Payment</dt>
            <dd>{contents.payment}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>{STATUS[invoice.status][0]}</dd>
      </dl>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Invoice lines</caption>
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col" class="num">
                Quantity
              </th>
              <th scope="col" class="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.description}</td>
                <td class="num">{line.quantity}</td>
                <td class="num">{money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="totals" aria-label="Totals" role="group">
        <div>
          <span>Subtotal</span>
          {money(invoice.subtotal)}
        </div>
        <div>
          <span>{contents?.taxLabel ?? 'Tax'}</span>
          {money(invoice.tax)}
        </div>
        <div class="grand">
          <span>Total</span>
          {money(invoice.total)}
        </div>
      </div>
      <div class="dialog-actions">
        <Button variant="primary" onClick={() => void download()} aria-disabled={contents ? undefined : 'true'}>
          Download PDF
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
      <p class="muted" role="status">
        {status}
      </p>
    </Dialog>
  );
}

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
