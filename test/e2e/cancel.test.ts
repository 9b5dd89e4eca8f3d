/**
 * Cancel a subscription: Your products → "More actions" (⋯) → "Cancel subscription" → a reason,
 * optional feedback → Save ("Keep subscription" closes the pane). It stays usable until the end of
 * the term; Reactivate undoes it.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';
import { DEMO, describedErrorOf, dialog, toast } from './harness/ui';
import { countIs, gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();

function row(page: Page, product: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: product, exact: true }) });
}

async function openCancel(page: Page, product: string) {
  await page.getByRole('button', { name: `More actions for ${product}` }).click();
  await page.getByRole('menu', { name: `More actions for ${product}` }).getByRole('menuitem', { name: 'Cancel subscription' }).click();
  const pane = dialog(page, 'Cancel subscription');
  await visible(pane);
  return pane;
}

describe('cancel a subscription', () => {
  test('a reason is required, its error goes once one is picked, and Keep subscription closes the pane', async () => {
    const page = await ext.openOptions('Your products');
    const pane = await openCancel(page, DEMO.chat);
    await textMatches(pane, DEMO.chat);
    await pane.getByRole('button', { name: 'Save' }).click();
    await textMatches(pane, 'Pick a reason');
    const group = pane.getByRole('group', { name: 'Why are you canceling?' });
    expect(await describedErrorOf(group)).toContain('Pick a reason');
    const problems = await seriousAxeViolations(page);
    expect(problems, formatAxe(problems)).toEqual([]);
    await pane.getByRole('radio', { name: 'No longer needed' }).check();
    await until(async () => (await pane.locator('.field-error').count()) === 0, 'the reason error gone');
    expect(await describedErrorOf(group)).toBe('');
    // The way out that cancels nothing is never called "Cancel".
    expect(await pane.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
    await pane.getByRole('button', { name: 'Keep subscription' }).click();
    await gone(pane);
    await textMatches(row(page, DEMO.chat), 'Active');
    await page.close();
  });

  test('cancel with a reason and feedback: canceled, usable until the end of the term', async () => {
    const page = await ext.openOptions('Your products');
    const renewal = (await row(page, DEMO.chat).innerText()).match(/Renews on (\w{3} \d{1,2}, \d{4})/)?.[1];
    expect(renewal).toBeTruthy();

    const pane = await openCancel(page, DEMO.chat);
    await textMatches(pane, `Your licenses stay usable until ${renewal}`);
    await pane.getByRole('radio', { name: 'Too expensive' }).check();
    const feedback = pane.getByRole('textbox', { name: 'Feedback (optional)' });
    await feedback.fill('We are moving the team to a cheaper plan.');
    await textMatches(pane, '41 of 1,000 characters');
    await pane.getByRole('button', { name: 'Save' }).click();

    await gone(pane);
    await textMatches(toast(page), `Canceled Contoso Chat. It stays usable until ${renewal}.`);
    await textMatches(row(page, DEMO.chat), new RegExp(`Canceled[\\s\\S]*Expires on ${renewal}`));
    // Now under the Canceled filter, not under Active.
    const filter = page.getByRole('combobox', { name: 'Filter' });
    await filter.selectOption({ label: 'Active' });
    await countIs(row(page, DEMO.chat), 0);
    await filter.selectOption({ label: 'Canceled' });
    await visible(row(page, DEMO.chat));
    await filter.selectOption({ label: 'Self-service' });
    await page.close();

    // The popup says so too, and no longer offers to buy licenses for it.
    const popup = await ext.openPopup();
    const card = popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: DEMO.chat, exact: true }) });
    await textMatches(card, /Canceled[\s\S]*Expires on/);
    expect(await card.getByRole('button', { name: 'Buy licenses' }).count()).toBe(0);
    await popup.close();
  });

  test('reactivate: active again, renewing on the same date', async () => {
    const page = await ext.openOptions('Your products');
    await textMatches(row(page, DEMO.chat), 'Canceled');
    const expiry = (await row(page, DEMO.chat).innerText()).match(/Expires on (\w{3} \d{1,2}, \d{4})/)?.[1];
    await row(page, DEMO.chat).getByRole('button', { name: 'Reactivate' }).click();
    await textMatches(toast(page), `Reactivated Contoso Chat. It renews on ${expiry}.`);
    await textMatches(row(page, DEMO.chat), new RegExp(`Active[\\s\\S]*Renews on ${expiry}`));
    await page.close();
  });

  test('a canceled subscription still in its term offers Reactivate; an expired one has ended', async () => {
    const page = await ext.openOptions('Your products');
    await visible(row(page, DEMO.whiteboard).getByRole('button', { name: 'Reactivate' }));
    await textMatches(row(page, DEMO.pdf), /Expired[\s\S]*Ended/);
    expect(await row(page, DEMO.pdf).getByRole('button', { name: 'Reactivate' }).count()).toBe(0);
    await page.close();
  });
});
