/**
 * A declined purchase recovers: signed in, the purchaser adds Stripe's declining test card and buys
 * with it; the row and the popup's card say "Payment failed" (not Active) and so does the admin
 * console. Both offer Pay now and Pay with another card; the popup's link opens the console's
 * pane, where the demo's Visa ending 4242 pays it, and both the row and the admin console show
 * Active again, the console live. The popup's Pay now has the server try the same card again.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { MAYA, RILEY } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { DEMO, dialog, popupCard, reviewAndBuy, signInAndOpenPopup, toast } from './harness/ui';
import { countIs, gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const demo = useDemoServer(1);
let admin: AdminConsole;
const nextYear = String(new Date().getUTCFullYear() + 2);

async function addDecliningCard(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Payment methods' }).click();
  await page.getByRole('button', { name: 'Add a payment method' }).click();
  const pane = dialog(page, 'Add a payment method');
  await pane.getByRole('textbox', { name: 'Card number' }).fill('4000 0000 0000 0002');
  await pane.getByRole('textbox', { name: 'Security code' }).fill('123');
  await pane.getByRole('combobox', { name: 'Expiration month' }).selectOption({ label: '08' });
  await pane.getByRole('combobox', { name: 'Expiration year' }).selectOption({ label: nextYear });
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Maya Okafor');
  await pane.getByRole('textbox', { name: 'Address line 1' }).fill('1 Pike Street');
  await pane.getByRole('textbox', { name: 'City' }).fill('Seattle');
  await pane.getByRole('textbox', { name: 'State or region' }).fill('WA');
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('98101');
  await pane.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United States' });
  await pane.getByRole('button', { name: 'Save' }).click();
  await gone(pane);
  await textMatches(toast(page), 'Added Visa ending 0002');
}

/** Buys `licenses` of `product` in the console with the declining card, and waits for the pane to close. */
async function buyWithDecliningCard(page: Page, product: string, licenses: number): Promise<void> {
  await page.getByRole('button', { name: 'Buy a subscription' }).click();
  const buy = dialog(page, 'Buy a subscription');
  await buy.getByRole('combobox', { name: 'Product' }).selectOption({ label: product });
  await buy.getByRole('spinbutton', { name: 'Licenses' }).fill(String(licenses));
  const card = buy.getByRole('combobox', { name: 'Payment method' });
  await card.selectOption({ label: (await card.locator('option', { hasText: '0002' }).innerText()).trim() });
  await reviewAndBuy(buy);
  await gone(buy);
}

/** The console's row of the new Contoso Chat subscription: 3 licenses, none assigned. */
const newChatRow = (page: Page): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.chat, exact: true }) }).filter({ has: page.getByRole('cell', { name: '0/3', exact: true }) });

describe('a declined purchase', () => {
  test('shows Payment failed to the purchaser and the admins, and Pay with another card pays it', async () => {
    const popup = await signInAndOpenPopup(ext, demo.links[0]!.url, demo.code(MAYA), 'Maya Okafor');
    admin = await demo.openAdminConsole(RILEY, 5);

    const bills = await ext.openOptions('Bills & payments');
    await addDecliningCard(bills);
    await bills.close();

    const options = await ext.openOptions('Your products');
    await buyWithDecliningCard(options, DEMO.chat, 3);

    const row = newChatRow(options);
    await textMatches(row, 'Payment failed', 20_000);
    await textMatches(row, 'Your card was declined.');
    expect(await row.innerText()).not.toMatch(/\bActive\b/);
    await until(async () => (await popupCard(popup, DEMO.chat).filter({ hasText: 'Payment failed' }).count()) === 1, 'Payment failed in the popup');
    await countIs(admin.rows(), 6);
    const adminRow = admin.rowsOf(DEMO.chat).filter({ hasText: 'Payment failed' });
    await until(async () => (await adminRow.count()) === 1, 'Payment failed in the admin console', 20_000);

    await row.getByRole('button', { name: `More actions for ${DEMO.chat}` }).click();
    await visible(options.getByRole('menuitem', { name: 'Pay now' }));
    await visible(options.getByRole('menuitem', { name: 'Pay with another card' }));
    await options.keyboard.press('Escape');

    // The popup's card offers both as well; its "Pay with another card" opens the console's pane.
    const popupFailed = popupCard(popup, DEMO.chat).filter({ hasText: 'Payment failed' });
    await visible(popupFailed.getByRole('button', { name: 'Pay now' }));
    expect(await seriousAxeViolations(popup), formatAxe(await seriousAxeViolations(popup))).toEqual([]);
    const [opened] = await Promise.all([
      popup.context().waitForEvent('page'),
      popupFailed.getByRole('link', { name: 'Pay with another card' }).click(),
    ]);
    const pane = dialog(opened, 'Pay with another card');
    await visible(pane);
    expect(await seriousAxeViolations(opened), formatAxe(await seriousAxeViolations(opened))).toEqual([]);
    // Only cards the server can charge are offered, and not the one that failed.
    const choices = pane.getByRole('radio');
    expect(await choices.count()).toBe(1);
    await pane.getByRole('radio', { name: /Visa •••• 4242/ }).check();
    await pane.getByRole('button', { name: 'Pay', exact: true }).click();
    await gone(pane);
    await textMatches(toast(opened), 'Trying the payment for Contoso Chat again with Visa ending 4242…');
    // Closed, the pane's link is left too: a reload shows the products without it.
    expect(new URL(opened.url()).hash).toBe('#products');

    await textMatches(row, 'Active', 20_000);
    await until(async () => !/Payment failed|declined/.test(await row.innerText()), 'the failure gone from the row');
    await until(async () => (await admin.rowsOf(DEMO.chat).filter({ hasText: 'Payment failed' }).count()) === 0, 'Active in the admin console, live', 20_000);
    await textMatches(admin.rowsOf(DEMO.chat).nth(0), 'Active');
    expect(admin.problems).toEqual([]);
  });

  test('the popup’s Pay now has the server try the same card again: declined again, said on the card, and not again within a minute', async () => {
    const popup = await ext.openPopup();
    const options = await ext.openOptions('Your products');
    await buyWithDecliningCard(options, DEMO.notes, 2);
    await options.close();

    const failed = popupCard(popup, DEMO.notes).filter({ hasText: 'Payment failed' });
    await visible(failed, 20_000);
    const retriesDeclined = async () => Object.values((await demo.billingRoom(MAYA)).charges).filter((c) => c.retryOf && c.status === 'declined').length;
    expect(await retriesDeclined()).toBe(0);

    await failed.getByRole('button', { name: 'Pay now' }).click();
    await textMatches(toast(popup), `Trying the payment for ${DEMO.notes} again…`);
    // The server's processor was asked again, with the same card, and declined it again.
    await until(async () => (await retriesDeclined()) === 1, 'the server’s second try, declined', 20_000);
    await until(async () => {
      const text = await failed.innerText();
      return text.includes('Your card was declined.') && !text.includes('Awaiting confirmation');
    }, 'the card saying the second try was declined', 20_000);

    // At most one try a minute: a second Pay now is refused, and says why.
    await failed.getByRole('button', { name: 'Pay now' }).click();
    await textMatches(toast(popup), 'The payment was just tried again; wait a minute before asking again');
    expect(await retriesDeclined()).toBe(1);
  });
});
