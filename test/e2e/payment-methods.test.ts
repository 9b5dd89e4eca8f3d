/**
 * Payment methods: edit the card on file, add a card, replace a billing profile's card, refuse a
 * mistyped card number next to the field — and afterwards, nothing the extension stored anywhere
 * (IndexedDB including the binary Yjs updates, chrome.storage, localStorage) holds a full card
 * number or a security code.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useExtension } from './harness/extension';
import { buyLicensesInPopup, DEMO, describedErrorOf, dialog, popupCard, popupList, toast } from './harness/ui';
import { gone, textMatches, visible } from './harness/wait';

const ext = useExtension();
const nextYears = (n: number) => String(new Date().getUTCFullYear() + n);

/** Every card number and security code typed in this file. None may be stored. */
const SECRETS = {
  mastercard: { number: '5555 5555 5555 4444', code: '517' },
  amex: { number: '3782 822463 10005', code: '9046' },
  mistyped: { number: '4111 1111 1111 1112', code: '284' },
  editCode: '862',
};

async function paymentMethodsTab(): Promise<Page> {
  const page = await ext.openOptions('Bills & payments');
  await page.getByRole('tab', { name: 'Payment methods' }).click();
  await visible(page.getByRole('list', { name: 'Payment methods' }));
  return page;
}

async function fillCard(pane: Locator, card: { number?: string; code: string; month: string; year: string; name: string }) {
  if (card.number !== undefined) await pane.getByRole('textbox', { name: 'Card number' }).fill(card.number);
  await pane.getByRole('textbox', { name: 'Security code' }).fill(card.code);
  await pane.getByRole('combobox', { name: 'Expiration month' }).selectOption({ label: card.month });
  await pane.getByRole('combobox', { name: 'Expiration year' }).selectOption({ label: card.year });
  await pane.getByRole('textbox', { name: 'Name on card' }).fill(card.name);
}

async function fillAddress(pane: Locator) {
  await pane.getByRole('textbox', { name: 'Address line 1' }).fill('1 Pike Street');
  await pane.getByRole('textbox', { name: 'City' }).fill('Seattle');
  await pane.getByRole('textbox', { name: 'State or region' }).fill('WA');
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('98101');
  await pane.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United States' });
}

describe('payment methods', () => {
  test('edit the card on file: security code, expiry, name and address', async () => {
    const page = await paymentMethodsTab();
    await page.getByRole('button', { name: /Visa •••• 4242/ }).click();
    const details = dialog(page, 'Visa •••• 4242');
    await textMatches(details, 'Northwind Labs main');
    await details.getByRole('button', { name: 'Edit' }).click();

    const pane = dialog(page, 'Edit payment method');
    await visible(pane);
    // No card number field: editing never changes the number.
    expect(await pane.getByRole('textbox', { name: 'Card number' }).count()).toBe(0);
    expect(await pane.getByRole('textbox', { name: 'Name on card' }).inputValue()).toBe('Maya Okafor');
    await fillCard(pane, { code: SECRETS.editCode, month: '11', year: nextYears(4), name: 'Maya A. Okafor' });
    await pane.getByRole('textbox', { name: 'City' }).fill('Tacoma');
    await pane.getByRole('button', { name: 'Save' }).click();

    await gone(pane);
    await textMatches(toast(page), 'Updated Visa ending 4242');
    await textMatches(page.getByRole('list', { name: 'Payment methods' }), `Expires 11/${nextYears(4)} · Maya A. Okafor`);
    await page.getByRole('button', { name: /Visa •••• 4242/ }).click();
    await textMatches(dialog(page, 'Visa •••• 4242'), 'Tacoma');
    await page.close();
  });

  test('a mistyped card number is refused next to the field, and nothing is added', async () => {
    const page = await paymentMethodsTab();
    await page.getByRole('button', { name: 'Add a payment method' }).click();
    const pane = dialog(page, 'Add a payment method');
    await fillCard(pane, { number: SECRETS.mistyped.number, code: SECRETS.mistyped.code, month: '05', year: nextYears(2), name: 'Maya Okafor' });
    await fillAddress(pane);
    await pane.getByRole('button', { name: 'Save' }).click();

    const number = pane.getByRole('textbox', { name: 'Card number' });
    await textMatches(pane, 'Check the card number: it has a typo');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(number)).toBe('Check the card number: it has a typo');
    expect(await number.evaluate((el) => el === document.activeElement)).toBe(true);
    await pane.getByRole('button', { name: 'Cancel' }).click();
    await gone(pane);
    expect(await page.getByRole('list', { name: 'Payment methods' }).getByRole('listitem').count()).toBe(1);
    await page.close();
  });

  test('add a payment method', async () => {
    const page = await paymentMethodsTab();
    await page.getByRole('button', { name: 'Add a payment method' }).click();
    const pane = dialog(page, 'Add a payment method');
    await fillCard(pane, { number: SECRETS.mastercard.number, code: SECRETS.mastercard.code, month: '03', year: nextYears(3), name: 'Maya Okafor' });
    await fillAddress(pane);
    await pane.getByRole('button', { name: 'Save' }).click();

    await gone(pane);
    await textMatches(toast(page), 'Added Mastercard ending 4444');
    const list = page.getByRole('list', { name: 'Payment methods' });
    await textMatches(list, /Mastercard •••• 4444[\s\S]*Expires 03\//);
    expect(await list.getByRole('listitem').count()).toBe(2);
    await page.close();
  });

  test('replace the billing profile’s card (Billing accounts → profile → Replace); subscriptions keep working', async () => {
    const page = await ext.openOptions('Billing accounts');
    await page.getByRole('link', { name: 'Northwind Labs', exact: true }).click();
    await page.getByRole('tab', { name: 'Billing profile' }).click();
    await page.getByRole('link', { name: 'Northwind Labs main' }).click();
    const panel = page.getByRole('region', { name: 'Invoice and billing notifications' });
    await textMatches(panel, 'Visa •••• 4242');
    await panel.getByRole('button', { name: 'Replace' }).click();

    const pane = dialog(page, 'Replace payment method');
    await textMatches(pane, 'Replacing Visa •••• 4242');
    await fillCard(pane, { number: SECRETS.amex.number, code: SECRETS.amex.code, month: '09', year: nextYears(5), name: 'Maya Okafor' });
    await fillAddress(pane);
    await pane.getByRole('button', { name: 'Replace' }).click();

    await gone(pane);
    await textMatches(toast(page), 'Replaced Visa ending 4242 with American Express ending 0005');
    await textMatches(panel, /American Express •••• 0005/);
    await page.close();

    // Contoso Chat was paid by the replaced card: buying more still goes through.
    const popup = await ext.openPopup();
    await popupList(popup);
    await buyLicensesInPopup(popup, DEMO.chat, 101);
    await textMatches(popupCard(popup, DEMO.chat), '12/101');
    await popup.close();
  });

  test('no full card number and no security code is stored anywhere', async () => {
    const dump = await ext.dumpStorage();
    // The dump does see the cards (their last 4 digits are kept, by design)…
    expect(dump).toContain('4444');
    expect(dump).toContain('0005');
    // …including inside the binary Yjs updates, whose text it decodes (the edited name is in there).
    const updates = JSON.stringify(JSON.parse(dump).indexedDB?.seatkeeper?.stores?.updates ?? []);
    expect(updates).toContain('$binary');
    expect(updates).toContain('Maya A. Okafor');
    // …but never a number, whole or in its first 12 digits, with or without spaces.
    for (const { number } of [SECRETS.mastercard, SECRETS.amex, SECRETS.mistyped]) {
      const digits = number.replace(/\D/g, '');
      expect(dump).not.toContain(digits);
      expect(dump).not.toContain(number);
      expect(dump).not.toContain(digits.slice(0, 12));
    }
    // Nor a security code: no such field, and none of the codes typed as a value of its own.
    expect(dump).not.toMatch(/security.?code|\bcvc\b|\bcvv\b/i);
    const text = dump.replace(/"hex": "[0-9a-f]*"/g, '');
    for (const code of [SECRETS.mastercard.code, SECRETS.amex.code, SECRETS.mistyped.code, SECRETS.editCode]) {
      expect(text).not.toMatch(new RegExp(`(?<![\\d.])${code}(?!\\d)`));
    }
  });
});
