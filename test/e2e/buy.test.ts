/**
 * Buy a subscription: Your products → "Buy a subscription" → product, licenses, term, card → Review
 * → Buy. Every wrong field is flagged at once and each error goes as soon as its field is right;
 * nothing is charged before the review's Buy. The new subscription shows up with its licenses, and
 * its first invoice in Bills & payments.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { TAX_RATE_PENDING } from '../../lib/billing/price-label';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';
import { swapOrganizationRow } from './harness/organization-row';
import { DEMO, describedErrorOf, dialog, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();

async function openBuy(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Buy a subscription' }).click();
  const pane = dialog(page, 'Buy a subscription');
  await visible(pane);
  return pane;
}

function pdfRows(page: Page): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.pdf, exact: true }) });
}

async function noAxeProblems(page: Page) {
  const problems = await seriousAxeViolations(page);
  expect(problems, formatAxe(problems)).toEqual([]);
}

describe('buy a subscription', () => {
  test('only self-service products are offered; every missing choice is flagged at once and clears when made', async () => {
    const page = await ext.openOptions('Your products');
    const pane = await openBuy(page);
    const product = pane.getByRole('combobox', { name: 'Product' });
    // The pane opens at once; its catalog arrives with its live query's first read.
    await until(async () => (await product.locator('option').count()) > 1, 'the catalog');
    const offered = await product.locator('option').allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining([DEMO.chat, DEMO.notes, DEMO.design, DEMO.whiteboard, DEMO.pdf]));
    // Sold by contract only (selfService: false in the demo catalog).
    expect(offered).not.toContain('Adatum Analytics');
    expect(offered).not.toContain('Woodgrove Secure Mail');

    const licenses = pane.getByRole('spinbutton', { name: 'Licenses' });
    await licenses.fill('');
    await pane.getByRole('button', { name: 'Review', exact: true }).click();
    // Both at once, in words a person acts on (not zod's "Invalid input").
    await until(async () => (await pane.locator('.field-error').count()) === 2, 'two field errors');
    expect(await product.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(product)).toBe('Choose a product');
    expect(await describedErrorOf(licenses)).toBe('Enter a whole number of licenses');
    expect(await pane.innerText()).not.toMatch(/invalid input/i);
    await noAxeProblems(page);

    await product.selectOption({ label: DEMO.notes });
    await until(async () => (await product.getAttribute('aria-invalid')) === null, 'the product error gone');
    expect(await describedErrorOf(licenses)).toBe('Enter a whole number of licenses');
    await licenses.fill('4');
    await until(async () => (await pane.locator('.field-error').count()) === 0, 'no error left');
    expect(await licenses.getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  test('more licenses than the product allows is refused next to Licenses, and the error goes with a right number', async () => {
    const page = await ext.openOptions('Your products');
    const pane = await openBuy(page);
    await pane.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.pdf });
    const licenses = pane.getByRole('spinbutton', { name: 'Licenses' });
    await licenses.fill('101');
    await pane.getByRole('button', { name: 'Review', exact: true }).click();
    await textMatches(pane, 'You can buy up to 100 licenses of Proseware PDF Editor');
    expect(await describedErrorOf(licenses)).toContain('You can buy up to 100 licenses');
    // Still wrong: still flagged. Right: gone, without another submit.
    await licenses.fill('0');
    await until(async () => (await describedErrorOf(licenses)) === 'Buy at least 1 license', 'the new reason');
    await licenses.fill('100');
    await until(async () => (await licenses.getAttribute('aria-invalid')) === null, 'the licenses error gone');
    expect(await describedErrorOf(licenses)).toBe('');
    await page.close();
  });

  test('buy 10 annual licenses: the review states the total with tax, Back charges nothing, Buy does', async () => {
    const page = await ext.openOptions('Your products');
    await until(async () => (await pdfRows(page).count()) === 1, 'the expired PDF Editor row');
    const pane = await openBuy(page);
    await pane.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.pdf });
    await pane.getByRole('spinbutton', { name: 'Licenses' }).fill('10');
    await pane.getByRole('combobox', { name: 'Term' }).selectOption({ label: 'Annual' });
    const card = pane.getByRole('combobox', { name: 'Payment method' });
    expect(await card.locator('option:checked').innerText()).toMatch(/Visa •••• 4242/);
    // $149.90 per license per year × 10, plus 8.25 % tax.
    await textMatches(pane, /\$149\.90 per license per year before tax × 10 licenses/);
    await textMatches(pane, /Subtotal \$1,499\.00 \+ tax \$123\.67/);
    await textMatches(pane, /Charged today: \$1,622\.67/);

    await pane.getByRole('button', { name: 'Review', exact: true }).click();
    const review = pane.getByRole('region', { name: 'Review your purchase' });
    await visible(review);
    const text = await review.innerText();
    expect(text).toMatch(/Product\s+Proseware PDF Editor/);
    expect(text).toMatch(/Licenses\s+10\b/);
    expect(text).toMatch(/Term\s+Annual/);
    expect(text).toMatch(/Payment method\s+Visa •••• 4242/);
    expect(text).toMatch(/Total\s+\$1,622\.67 per year incl\. tax/);
    expect(text).toMatch(/First charge today: \$1,622\.67/);
    await noAxeProblems(page);

    // Back: the form again, as it was, and nothing bought.
    await pane.getByRole('button', { name: 'Back', exact: true }).click();
    await visible(pane.getByRole('spinbutton', { name: 'Licenses' }));
    expect(await pane.getByRole('spinbutton', { name: 'Licenses' }).inputValue()).toBe('10');
    expect(await pane.getByRole('combobox', { name: 'Term' }).inputValue()).toBe('annual');
    expect(await pdfRows(page).count()).toBe(1);

    await pane.getByRole('button', { name: 'Review', exact: true }).click();
    await visible(review);
    expect(await pdfRows(page).count()).toBe(1);
    await pane.getByRole('button', { name: 'Buy', exact: true }).click();
    await gone(pane);
    await textMatches(toast(page), 'Bought 10 licenses of Proseware PDF Editor');

    // The new subscription is active with 0 of 10 assigned, next to the old expired one; the term
    // and start tell them apart.
    await textMatches(pdfRows(page), /Annual · since[\s\S]*0\/10[\s\S]*Active[\s\S]*Renews on/);
    expect(await pdfRows(page).count()).toBe(2);
    // The price's suffix sits under its amount: one line apart, one phrase read aloud.
    await textMatches(pdfRows(page).filter({ hasText: '0/10' }), /\$1,499\.00\s+per year before tax/);

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

  test('no price is shown and Review waits until the organization’s tax rate is read', async () => {
    const first = await ext.openOptions('Your products');
    const organization = await swapOrganizationRow(first);
    await first.close();
    try {
      const page = await ext.openOptions('Your products');
      const pane = await openBuy(page);
      const product = pane.getByRole('combobox', { name: 'Product' });
      await until(async () => (await product.locator('option').count()) > 1, 'the catalog');
      await product.selectOption({ label: DEMO.notes });
      await pane.getByRole('spinbutton', { name: 'Licenses' }).fill('2');
      await textMatches(pane.locator('.preview'), TAX_RATE_PENDING);
      expect(await pane.locator('.preview').innerText()).not.toContain('$');
      await pane.getByRole('button', { name: 'Review', exact: true }).click();
      expect(await pane.getByRole('region', { name: 'Review your purchase' }).count()).toBe(0);
      expect(await pane.getByRole('button', { name: 'Buy', exact: true }).count()).toBe(0);
      // Review pressed again still only asks for the review: nothing is bought unseen.
      await pane.getByRole('button', { name: 'Review', exact: true }).click();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await toast(page).innerText()).not.toContain('Bought');
      await visible(pane);
      await page.close();
    } finally {
      const page = await ext.openOptions('Your products');
      await swapOrganizationRow(page, organization);
      await page.close();
    }
  });
});
