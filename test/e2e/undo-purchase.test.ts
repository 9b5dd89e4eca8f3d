/**
 * Undo of a purchase gives the money back: signed in, the purchaser buys a license of Contoso Chat,
 * clicks Undo on the toast, and the invoice list shows the credit of exactly what was charged; the
 * billing room holds the refund (and the purchase's charge), read as the purchaser reads it.
 */
import { describe, expect, test } from 'vitest';
import { amountsFor } from '../../lib/billing/invoice';
import { formatMoney } from '../../lib/money';
import { demoOrg } from '../../lib/org/demo';
import { MAYA } from '../server/fixture';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { dialog, reviewAndBuy, signInAndOpenPopup, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const demo = useDemoServer(1);
const chat = demoOrg().catalog.find((product) => product.id === 'prod-chat')!;
const total = amountsFor(chat.prices.monthly, demoOrg().organization.taxRateBps).total;


describe('undo of a purchase', () => {
  test('refunds it: a credit on the invoice list and in the billing room', async () => {
    const popup = await signInAndOpenPopup(ext, demo.links[0]!.url, demo.code(MAYA), 'Maya Okafor');
    await popup.close();
    const options = await ext.openOptions('Your products');
    await options.getByRole('button', { name: 'Buy a subscription' }).click();
    const buy = dialog(options, 'Buy a subscription');
    await buy.getByRole('combobox', { name: 'Product' }).selectOption({ label: chat.name });
    await buy.getByRole('spinbutton', { name: 'Licenses' }).fill('1');
    await reviewAndBuy(buy);
    await gone(buy);
    await textMatches(toast(options), `Bought 1 license of ${chat.name}`);
    await toast(options).getByRole('button', { name: 'Undo' }).click();
    await textMatches(toast(options), 'Undone');

    await until(async () => Object.values((await demo.billingRoom(MAYA)).charges).some((charge) => charge.status === 'refunded'), 'the refund in the billing room', 20_000);
    const state = await demo.billingRoom(MAYA);
    const refund = Object.values(state.charges).find((charge) => charge.status === 'refunded')!;
    expect(refund.amount).toBe(-total);
    const purchase = Object.values(state.charges).find((charge) => charge.subscriptionId === refund.subscriptionId && charge.status === 'charged');
    expect(purchase?.amount).toBe(total);
    const credit = state.invoices[refund.invoiceId!]!;
    expect(credit).toMatchObject({ status: 'credit', total: -total });

    await options.close();
    const bills = await ext.openOptions('Bills & payments');
    await visible(bills.getByRole('tab', { name: 'Invoices', selected: true }));
    const row = bills.getByRole('row').filter({ has: bills.getByRole('rowheader', { name: credit.number }) });
    await textMatches(row, 'Credit', 20_000);
    await textMatches(row, formatMoney(total, 'USD').replace('$', ''));
    const charged = bills.getByRole('row').filter({ has: bills.getByRole('rowheader', { name: state.invoices[purchase!.invoiceId!]!.number }) });
    await textMatches(charged, 'Paid');
    await row.getByRole('button', { name: credit.number }).click();
    await textMatches(dialog(bills, new RegExp(credit.number)), `${chat.name}, refund: purchase undone`);
  });
});
