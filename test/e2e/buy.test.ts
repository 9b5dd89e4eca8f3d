/**
 * Buy a subscription: Your products → "Buy a subscription" → product, licenses, term, card → Buy.
 * The new subscription shows up with its licenses, and its first invoice in Bills & payments.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness/extension';
import { DEMO, describedErrorOf, dialog, toast } from './harness/ui';
import { gone, textMatches, visible } from './harness/wait';

const ext = useExtension();

describe('buy a subscription', () => {
  test('only self-service products are offered, and a missing choice is explained', async () => {
    const page = await ext.openOptions('Your products');
    await page.getByRole('button', { name: 'Buy a subscription' }).click();
    const pane = dialog(page, 'Buy a subscription');
    await visible(pane);
    const product = pane.getByRole('combobox', { name: 'Product' });
    const offered = await product.locator('option').allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining([DEMO.chat, DEMO.notes, DEMO.design, DEMO.whiteboard, DEMO.pdf]));
    // Sold by contract only (selfService: false in the demo catalog).
    expect(offered).not.toContain('Adatum Analytics');
    expect(offered).not.toContain('Woodgrove Secure Mail');

    await pane.getByRole('button', { name: 'Buy', exact: true }).click();
    await visible(pane.locator('.field-error'));
    expect(await product.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(product)).toMatch(/choose a product/i);
    await page.close();
  });

  test('more licenses than the product allows is refused next to Licenses', async () => {
    const page = await ext.openOptions('Your products');
    await page.getByRole('button', { name: 'Buy a subscription' }).click();
    const pane = dialog(page, 'Buy a subscription');
    await pane.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.pdf });
    const licenses = pane.getByRole('spinbutton', { name: 'Licenses' });
    await licenses.fill('101');
    await pane.getByRole('button', { name: 'Buy', exact: true }).click();
    await textMatches(pane, 'You can buy up to 100 licenses of Proseware PDF Editor');
    expect(await describedErrorOf(licenses)).toContain('You can buy up to 100 licenses');
    await page.close();
  });

  test('buy 10 annual licenses: the price shown is what the invoice charges', async () => {
    const page = await ext.openOptions('Your products');
    await page.getByRole('button', { name: 'Buy a subscription' }).click();
    const pane = dialog(page, 'Buy a subscription');
    await pane.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.pdf });
    await pane.getByRole('spinbutton', { name: 'Licenses' }).fill('10');
    await pane.getByRole('combobox', { name: 'Term' }).selectOption({ label: 'Annual' });
    const card = pane.getByRole('combobox', { name: 'Payment method' });
    expect(await card.locator('option:checked').innerText()).toMatch(/Visa •••• 4242/);
    // $149.90 per license per year × 10, plus 8.25 % tax.
    await textMatches(pane, /\$149\.90 per license per year × 10 licenses/);
    await textMatches(pane, /Subtotal \$1,499\.00 \+ tax \$123\.67/);
    await textMatches(pane, /Charged today: \$1,622\.67/);

    await pane.getByRole('button', { name: 'Buy', exact: true }).click();
    await gone(pane);
    await textMatches(toast(page), 'Bought 10 licenses of Proseware PDF Editor');

    // The new subscription is active with 0 of 10 assigned, next to the old expired one.
    const rows = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.pdf, exact: true }) });
    await textMatches(rows, /0\/10[\s\S]*Active[\s\S]*Renews on/);
    expect(await rows.count()).toBe(2);

    // Its invoice is among the past 3 months' invoices.
    await page.getByRole('navigation', { name: 'Seatkeeper' }).getByRole('link', { name: 'Bills & payments' }).click();
    const invoice = page.getByRole('row').filter({ hasText: '$1,622.67' });
    await visible(invoice);
    await invoice.getByRole('button').click();
    const details = page.getByRole('dialog', { name: /^Invoice SK-/ });
    await textMatches(details, DEMO.pdf);
    await textMatches(details, /Total\s*\$1,622\.67/);
    await page.close();
  });
});
