import { toIsoDate } from '../dates';
import { isExpired } from '../billing/card';
import { buildInvoice, invoiceCard } from '../billing/invoice';
import { licenseChangeLine } from '../billing/invoice-lines';
import { previewLicenseChange, type LicenseChangePreview } from '../billing/price-preview';
import type { Invoice, PaymentMethod } from '../billing/schemas';
import type { Change } from '../doc/change';
import type { PurchaserState } from '../state';
import type { Subscription } from '../subscriptions/schema';
import { effectiveStatus } from '../subscriptions/status';
import { plural } from '../text/plural';
import { SetLicensesInput } from './inputs';
import { licenseTotalRefusal } from './license-total';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

/** The purchaser enters the new total; the difference is charged or credited for the rest of the term. */
export function setLicenses(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = SetLicensesInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { subscriptionId, total } = parsed.data;

  const sub = state.subscriptions[subscriptionId];
  if (!sub) return fail({ form: 'This subscription no longer exists' });
  const status = effectiveStatus(sub, ctx.now);
  if (status !== 'active') return fail({ form: `This subscription is ${status}. Reactivate it to change its licenses.` });
  const problem = licenseTotalRefusal(sub, total, ctx.org.catalog.find((p) => p.id === sub.productId));
  if (problem) return fail({ total: problem });
  const card = state.paymentMethods[sub.paymentMethodId];
  if (!card) return fail({ form: 'The payment method of this subscription is missing. Replace it first.' });
  const delta = total - sub.licenses;
  if (delta > 0 && isExpired(card, ctx.now)) {
    return fail({ form: 'The card that pays for this subscription has expired. Update it first.' });
  }

  const preview = previewLicenseChange(sub, total, ctx.org.organization.taxRateBps, ctx.now);
  const changes: Change[] = [{ op: 'put', collection: 'subscriptions', id: sub.id, fields: { licenses: total } }];
  // On the last day of a term there is nothing left to prorate, so no zero invoice is issued. With a
  // sync server, the server invoices the change when it accepts it (see docs/billing.md).
  if (ctx.billing === 'local' && preview.today.subtotal !== 0) {
    const invoice = licenseChangeInvoice(sub, preview, card, Object.keys(state.invoices).length, ctx);
    changes.push({ op: 'put', collection: 'invoices', id: invoice.id, fields: invoice });
  }
  return {
    ok: true,
    changes,
    message: delta > 0
      ? `Added ${plural(delta, 'license')} to ${sub.productName}`
      : `Removed ${plural(-delta, 'license')} from ${sub.productName}`,
  };
}

function licenseChangeInvoice(
  sub: Subscription,
  preview: LicenseChangePreview,
  card: PaymentMethod,
  existingInvoiceCount: number,
  ctx: CommandContext,
): Invoice {
  const today = toIsoDate(ctx.now);
  return buildInvoice(
    {
      id: ctx.newId(),
      issuedOn: today,
      periodStart: today,
      periodEnd: sub.renewsOn,
      billingProfileId: card.profileId,
      lines: [licenseChangeLine(sub, preview)],
      currency: sub.currency,
      taxRateBps: ctx.org.organization.taxRateBps,
      paidWith: invoiceCard(card),
    },
    existingInvoiceCount,
  );
}
