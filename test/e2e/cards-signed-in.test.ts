/**
 * Cards of a signed-in purchaser, in real Chromium against the real server: a card is tokenized by
 * the sync server, so while it cannot be reached the add-card form says so before anything is typed
 * and stores nothing; back online the same form adds the card with the server's reference. The
 * default card is chosen in Payment methods and preselected by Buy, and an unused card is removed.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { MAYA } from '../server/fixture';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { dialog, signInFromSettings, syncLine, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const demo = useDemoServer(1);
const link = () => demo.links[0]!;
const nextYear = String(new Date().getUTCFullYear() + 1);
const MASTERCARD = { number: '5555 5555 5555 4444', code: '517' };

interface StoredCard {
  id: string;
  last4: string;
  cardRef?: string;
}

/** The extension's paymentMethods table (the Dexie projection the pages read), read straight from IndexedDB. */
function storedCards(page: Page): Promise<StoredCard[]> {
  return page.evaluate(
    () =>
      new Promise<StoredCard[]>((resolve, reject) => {
        const open = indexedDB.open('seatkeeper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('paymentMethods').objectStore('paymentMethods').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as StoredCard[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function paymentMethods(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Payment methods' }).click();
  return visible(page.getByRole('list', { name: 'Payment methods' }));
}

describe('cards while signed in', () => {
  let options: Page;

  test('signed in, the account has the server’s Visa, tokenized', async () => {
    options = await ext.openOptions('Settings');
    await signInFromSettings(options, link().url, demo.code(MAYA), 'Maya Okafor');
    await until(async () => (await storedCards(options)).length === 1, 'the account’s card on the device', 20_000);
    expect((await storedCards(options))[0]).toMatchObject({ last4: '4242', cardRef: expect.stringMatching(/^card_/) });
  });

  test('offline, the add-card form says so before anything is typed, and stores nothing', async () => {
    link().cut();
    await textMatches(syncLine(options), /^Offline/, 20_000);
    await options.getByRole('link', { name: 'Bills & payments' }).click();
    await paymentMethods(options);
    await options.getByRole('button', { name: 'Add a payment method' }).click();
    const pane = dialog(options, 'Add a payment method');
    await textMatches(pane.getByRole('status'), 'The sync server cannot be reached.');
    await textMatches(pane, 'This form opens again once you are back online.');
    const number = pane.getByRole('textbox', { name: 'Card number' });
    expect(await number.isDisabled()).toBe(true);
    expect(await pane.getByRole('textbox', { name: 'Name on card' }).isDisabled()).toBe(true);
    const problems = await seriousAxeViolations(options);
    expect(problems, formatAxe(problems)).toEqual([]);

    // Save (marked disabled) does nothing: no card on the device, no toast.
    const save = pane.getByRole('button', { name: 'Save' });
    expect(await save.getAttribute('aria-disabled')).toBe('true');
    await save.click({ force: true });
    await visible(pane);
    expect(await storedCards(options)).toHaveLength(1);
    expect(await toast(options).innerText()).not.toMatch(/Added/);

    // Back online, the same form works again and the card is added with the server's reference.
    link().restore();
    await until(async () => !(await number.isDisabled()), 'the card fields enabled again', 30_000);
    expect(await pane.getByRole('status').count()).toBe(0);
    await number.fill(MASTERCARD.number);
    await pane.getByRole('textbox', { name: 'Security code' }).fill(MASTERCARD.code);
    await pane.getByRole('combobox', { name: 'Expiration month' }).selectOption({ label: '03' });
    await pane.getByRole('combobox', { name: 'Expiration year' }).selectOption({ label: nextYear });
    await pane.getByRole('textbox', { name: 'Name on card' }).fill('Maya Okafor');
    await pane.getByRole('textbox', { name: 'Address line 1' }).fill('1 Pike Street');
    await pane.getByRole('textbox', { name: 'City' }).fill('Seattle');
    await pane.getByRole('textbox', { name: 'Postal code' }).fill('98101');
    await pane.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United States' });
    await pane.getByRole('button', { name: 'Save' }).click();
    await gone(pane, 20_000);
    await textMatches(toast(options), 'Added Mastercard ending 4444');
    const added = (await storedCards(options)).find((card) => card.last4 === '4444');
    expect(added?.cardRef).toMatch(/^card_/);
    await textMatches(syncLine(options), 'All changes synced', 20_000);
  });

  test('the default card is marked, changeable, and preselected by Buy', async () => {
    const list = options.getByRole('list', { name: 'Payment methods' });
    await textMatches(list.getByRole('listitem').filter({ hasText: 'Visa •••• 4242' }), 'Default');
    await list.getByRole('button', { name: /Mastercard •••• 4444/ }).click();
    const details = dialog(options, 'Mastercard •••• 4444');
    await details.getByRole('button', { name: 'Make default' }).click();
    await textMatches(toast(options), 'Mastercard ending 4444 is now the default for Northwind Labs main');
    await details.locator('.dialog-actions').getByRole('button', { name: 'Close' }).click();
    await textMatches(list.getByRole('listitem').filter({ hasText: 'Mastercard •••• 4444' }), 'Default');
    expect(await list.getByRole('listitem').filter({ hasText: 'Visa •••• 4242' }).innerText()).not.toContain('Default');

    const products = await ext.openOptions('Your products');
    await products.getByRole('button', { name: 'Buy a subscription' }).click();
    const buy = dialog(products, 'Buy a subscription');
    const card = buy.getByRole('combobox', { name: 'Payment method' });
    await until(async () => /Mastercard •••• 4444/.test(await card.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '')), 'the default card preselected');
    expect(await card.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toMatch(/· default$/);
    await buy.getByRole('button', { name: 'Cancel' }).click();
    await products.close();
  });

  test('a card paying subscriptions cannot be removed; an unused one is, after a confirmation', async () => {
    const list = options.getByRole('list', { name: 'Payment methods' });
    await list.getByRole('button', { name: /Visa •••• 4242/ }).click();
    const visa = dialog(options, 'Visa •••• 4242');
    await visa.getByRole('button', { name: 'Remove' }).click();
    await textMatches(visa.getByRole('alert'), /^Visa ending 4242 pays Contoso Chat, .* so it cannot be removed\./);
    await visa.locator('.dialog-actions').getByRole('button', { name: 'Close' }).click();

    await list.getByRole('button', { name: /Mastercard •••• 4444/ }).click();
    await dialog(options, 'Mastercard •••• 4444').getByRole('button', { name: 'Remove' }).click();
    const confirm = dialog(options, 'Remove payment method');
    await textMatches(confirm, 'Remove Mastercard •••• 4444');
    const problems = await seriousAxeViolations(options);
    expect(problems, formatAxe(problems)).toEqual([]);
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await gone(confirm);
    await textMatches(toast(options), 'Removed Mastercard ending 4444; Visa ending 4242 is now the default');
    await until(async () => (await list.getByRole('listitem').count()) === 1, 'one card left');
    await textMatches(list, /Visa •••• 4242\s*Default/);
    expect((await storedCards(options)).map((card) => card.last4)).toEqual(['4242']);
    await textMatches(syncLine(options), 'All changes synced', 20_000);
    expect(ext.problems).toEqual([]);
  });
});
