import { addMonths, toIsoDate } from '../dates';
import { isExpired } from '../billing/card';
import { buildInvoice } from '../billing/invoice';
import { termLine } from '../billing/invoice-lines';
import type { Change } from '../doc/change';
import type { PurchaserState } from '../state';
import type { Subscription } from '../subscriptions/schema';
import { TERM_MONTHS } from '../subscriptions/period';
import { plural } from '../text/plural';
import { BuyInput } from './inputs';
import { fail, issuesToErrors, type CommandContext, type CommandResult } from './result';

export function buy(state: PurchaserState, input: unknown, ctx: CommandContext): CommandResult {
  const parsed = BuyInput.safeParse(input);
  if (!parsed.success) return fail(issuesToErrors(parsed.error.issues));
  const { productId, licenses, term, paymentMethodId } = parsed.data;

  const product = ctx.org.catalog.find((p) => p.id === productId);
  if (!product) return fail({ productId: 'This product is not in your catalog' });
  if (!product.selfService) return fail({ productId: `${product.name} can't be bought here. Contact your sales representative.` });
  if (licenses > product.maxLicenses) {
    return fail({ licenses: `You can buy up to ${plural(product.maxLicenses, 'license')} of ${product.name}` });
  }
  const card = state.paymentMethods[paymentMethodId];
  if (!card) return fail({ paymentMethodId: 'Choose a payment method' });
  if (isExpired(card, ctx.now)) return fail({ paymentMethodId: 'This card has expired. Update it or choose another one.' });

  const today = toIsoDate(ctx.now);
  const subscription: Subscription = {
    id: ctx.newId(),
    productId,
    productName: product.name,
    purchaserId: ctx.org.purchaser.id,
    licenses,
    assigned: {},
    term,
    status: 'active',
    startedOn: today,
    renewsOn: addMonths(today, TERM_MONTHS[term]),
    unitPrice: product.prices[term],
    currency: product.currency,
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
      },
      Object.keys(state.invoices).length,
    );
    changes.push({ op: 'put', collection: 'invoices', id: invoice.id, fields: invoice });
  }
  return { ok: true, changes, message: `Bought ${plural(licenses, 'license')} of ${product.name}` };
}
