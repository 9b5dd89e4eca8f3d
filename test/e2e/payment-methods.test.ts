/**
 * Payment methods: edit the card on file, add a card, replace a billing profile's card, refuse a
 * mistyped card number next to the field, report every wrong field at once and clear each as it is
 * fixed, refuse the same card twice, choose the default card (Buy preselects it), remove a card
 * (not one that pays subscriptions) — and afterwards, nothing the extension stored anywhere
 * (IndexedDB including the binary Yjs updates, chrome.storage, localStorage) holds a full card
 * number or a security code.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';
import { buyLicensesInPopup, DEMO, describedErrorOf, dialog, popupCard, popupList, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const nextYears = (n: number) => String(new Date().getUTCFullYear() + n);

/** Every card number and security code typed in this file. None may be stored. */
const SECRETS = {
  mastercard: { number: '5555 5555 5555 4444', code: '517' },
  amex: { number: '3782 822463 10005', code: '9046' },
  mistyped: { number: '4111 1111 1111 1112', code: '284' },
  discover: { number: '6011 1111 1111 1117', code: '358' },
  twoDigitCode: '35',
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

  test('a card form with three wrong fields shows three errors at once; each clears as soon as it is fixed', async () => {
    const page = await paymentMethodsTab();
    await page.getByRole('button', { name: 'Add a payment method' }).click();
    const pane = dialog(page, 'Add a payment method');
    const number = pane.getByRole('textbox', { name: 'Card number' });
    const code = pane.getByRole('textbox', { name: 'Security code' });
    const month = pane.getByRole('combobox', { name: 'Expiration month' });
    // A mistyped number, a 2-digit code and no month: the form.
    await number.fill(SECRETS.mistyped.number);
    await code.fill(SECRETS.twoDigitCode);
    await pane.getByRole('combobox', { name: 'Expiration year' }).selectOption({ label: nextYears(2) });
    await pane.getByRole('textbox', { name: 'Name on card' }).fill('Maya Okafor');
    await fillAddress(pane);
    await pane.getByRole('button', { name: 'Save' }).click();

    await until(async () => (await pane.locator('[aria-invalid="true"]').count()) === 3, 'three invalid fields');
    expect(await describedErrorOf(number)).toBe('Check the card number: it has a typo');
    expect(await describedErrorOf(code)).toBe('Enter the 3 or 4 digit security code');
    expect(await describedErrorOf(month)).toBe('Choose a month');
    const problems = await seriousAxeViolations(page);
    expect(problems, formatAxe(problems)).toEqual([]);

    // Each error goes as its field becomes valid, before any other submit; the others stay.
    await number.fill(SECRETS.discover.number);
    await until(async () => (await number.getAttribute('aria-invalid')) === null, 'the number error cleared');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await code.fill(SECRETS.discover.code);
    await until(async () => (await code.getAttribute('aria-invalid')) === null, 'the security code error cleared');
    expect(await month.getAttribute('aria-invalid')).toBe('true');
    await month.selectOption({ label: '06' });
    await until(async () => (await pane.locator('[aria-invalid="true"]').count()) === 0, 'no error left');
    // Nothing typed was lost on the bad submit.
    expect(await pane.getByRole('textbox', { name: 'Name on card' }).inputValue()).toBe('Maya Okafor');
    expect(await pane.getByRole('textbox', { name: 'City' }).inputValue()).toBe('Seattle');

    await pane.getByRole('button', { name: 'Save' }).click();
    await gone(pane);
    await textMatches(toast(page), 'Added Discover ending 1117');
    await page.close();
  });

  test('adding a card that is already there says so next to the number, and adds nothing', async () => {
    const page = await paymentMethodsTab();
    const list = page.getByRole('list', { name: 'Payment methods' });
    const before = await list.getByRole('listitem').count();
    await page.getByRole('button', { name: 'Add a payment method' }).click();
    const pane = dialog(page, 'Add a payment method');
    await fillCard(pane, { number: SECRETS.discover.number, code: SECRETS.discover.code, month: '06', year: nextYears(2), name: 'Maya Okafor' });
    await fillAddress(pane);
    await pane.getByRole('button', { name: 'Save' }).click();
    const number = pane.getByRole('textbox', { name: 'Card number' });
    await until(async () => (await number.getAttribute('aria-invalid')) === 'true', 'the number flagged');
    expect(await describedErrorOf(number)).toBe(`This card is already saved: Discover ending 1117, expires 06/${nextYears(2)}`);
    await pane.getByRole('button', { name: 'Cancel' }).click();
    await gone(pane);
    expect(await list.getByRole('listitem').count()).toBe(before);
    await page.close();
  });

  test('the default card is marked and changeable, and Buy preselects it', async () => {
    const page = await paymentMethodsTab();
    const list = page.getByRole('list', { name: 'Payment methods' });
    const item = (label: RegExp) => list.getByRole('listitem').filter({ hasText: label });
    await textMatches(item(/American Express •••• 0005/), 'Default');
    await list.getByRole('button', { name: /Mastercard •••• 4444/ }).click();
    const details = dialog(page, 'Mastercard •••• 4444');
    const problems = await seriousAxeViolations(page);
    expect(problems, formatAxe(problems)).toEqual([]);
    await details.getByRole('button', { name: 'Make default' }).click();
    await textMatches(toast(page), 'Mastercard ending 4444 is now the default for Northwind Labs main');
    await gone(details.getByRole('button', { name: 'Make default' }));
    expect(await details.getByRole('button', { name: 'Edit' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await details.locator('.dialog-actions').getByRole('button', { name: 'Close' }).click();
    await textMatches(item(/Mastercard •••• 4444/), 'Default');
    expect(await item(/American Express •••• 0005/).innerText()).not.toContain('Default');
    await page.close();

    const products = await ext.openOptions('Your products');
    await products.getByRole('button', { name: 'Buy a subscription' }).click();
    const card = dialog(products, 'Buy a subscription').getByRole('combobox', { name: 'Payment method' });
    const chosen = () => card.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');
    await until(async () => /^Mastercard •••• 4444 .*· default$/.test(await chosen()), 'the default card preselected');
    await products.close();
  });

  test('remove a card: one that pays subscriptions is refused with their names; another goes after a confirmation', async () => {
    const page = await paymentMethodsTab();
    const list = page.getByRole('list', { name: 'Payment methods' });
    await list.getByRole('button', { name: /American Express •••• 0005/ }).click();
    const amex = dialog(page, 'American Express •••• 0005');
    await amex.getByRole('button', { name: 'Remove' }).click();
    await textMatches(amex.getByRole('alert'), /^American Express ending 0005 pays Contoso Chat, .*Tailspin Whiteboard, so it cannot be removed\. Replace it/);
    await amex.locator('.dialog-actions').getByRole('button', { name: 'Close' }).click();
    await gone(amex);

    const count = await list.getByRole('listitem').count();
    await list.getByRole('button', { name: /Discover •••• 1117/ }).click();
    await dialog(page, 'Discover •••• 1117').getByRole('button', { name: 'Remove' }).click();
    const confirm = dialog(page, 'Remove payment method');
    await textMatches(confirm, `Remove Discover •••• 1117 (expires 06/${nextYears(2)})?`);
    // The safe button has focus: Enter does not remove.
    expect(await confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    const problems = await seriousAxeViolations(page);
    expect(problems, formatAxe(problems)).toEqual([]);
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await gone(confirm);
    await textMatches(toast(page), 'Removed Discover ending 1117');
    await until(async () => (await list.getByRole('listitem').count()) === count - 1, 'one card fewer');
    expect(await list.innerText()).not.toContain('1117');
    await page.close();
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
    for (const { number } of [SECRETS.mastercard, SECRETS.amex, SECRETS.mistyped, SECRETS.discover]) {
      const digits = number.replace(/\D/g, '');
      expect(dump).not.toContain(digits);
      expect(dump).not.toContain(number);
      expect(dump).not.toContain(digits.slice(0, 12));
    }
    // Nor a security code: no such field, and none of the codes typed as a value of its own.
    expect(dump).not.toMatch(/security.?code|\bcvc\b|\bcvv\b/i);
    const text = dump.replace(/"hex": "[0-9a-f]*"/g, '');
    for (const code of [SECRETS.mastercard.code, SECRETS.amex.code, SECRETS.mistyped.code, SECRETS.discover.code, SECRETS.editCode]) {
      expect(text).not.toMatch(new RegExp(`(?<![\\d.])${code}(?!\\d)`));
    }
  });
});
