import { toIsoDate } from '../dates';
import { canPay } from '../billing/payable-cards';
import { buildInvoice, invoiceCard } from '../billing/invoice';
import { termLine } from '../billing/invoice-lines';
import type { Change } from '../doc/change';
import type { PurchaserState } from '../state';
import type { Subscription } from '../subscriptions/schema';
import { orgViewOf } from '../rules/org-view';
import { licenseLimitRefusal, purchaseRefusal, purchaseTerms } from '../rules/purchase-rules';
import { plural } from '../text/plural';
import { cardRefusal } from './buy-form';
import { BuyInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

export function buy(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = BuyInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { productId, licenses, term, paymentMethodId } = parsed.data;

  const org = orgViewOf(ctx.org);
  const product = org.product(productId);
  const refusal = purchaseRefusal(org, productId);
  if (!product || refusal) return fail({ productId: refusal ?? 'This product is not in your catalog' });
  const overLimit = licenseLimitRefusal(product, licenses, 'buy');
  if (overLimit) return fail({ licenses: overLimit });
  const card = state.paymentMethods[paymentMethodId];
  const cardProblem = cardRefusal(card, ctx.now);
  if (!card || cardProblem) return fail({ paymentMethodId: cardProblem ?? 'Choose a payment method' });
  if (!canPay(card, ctx.billing === 'server')) return fail({ paymentMethodId: 'This card was added without the sync server and cannot be charged. Choose another one.' });

  const today = toIsoDate(ctx.now);
  // The server sets its own terms when it accepts the purchase; these are what it will decide unless the catalog changes meanwhile.
  const subscription: Subscription = {
    id: ctx.newId(),
    productId,
    purchaserId: ctx.org.purchaser.id,
    licenses,
    assigned: {},
    term,
    status: 'active',
    ...purchaseTerms(product, term, ctx.now),
    paymentMethodId,
  };
  const changes: Change[] = [{ op: 'put', collection: 'subscriptions', id: subscription.id, fields: subscription }];
  // With a sync server, the server invoices the purchase when it accepts it (see docs/billing.md).
  if (ctx.billing === 'local') {
    const invoice = buildInvoice(
      {
        id: ctx.newId(),
        issuedOn: today,
        periodStart: today,
        periodEnd: subscription.renewsOn,
        billingProfileId: card.profileId,
        lines: [termLine(subscription, licenses)],
        currency: product.currency,
        taxRateBps: ctx.org.organization.taxRateBps,
        paidWith: invoiceCard(card),
      },
      Object.keys(state.invoices).length,
    );
    changes.push({ op: 'put', collection: 'invoices', id: invoice.id, fields: invoice });
  }
  return { ok: true, changes, message: `Bought ${plural(licenses, 'license')} of ${product.name}` };
}
