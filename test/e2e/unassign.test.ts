/**
 * Unassign licenses: select people → "Unassign licenses" → the "Unassign licenses" box → Unassign.
 * Cancelling the box changes nothing.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtension } from './harness/extension';
import { DEMO, dialog, popupCard, popupList, toast } from './harness/ui';
import { countIs, gone, textMatches, visible } from './harness/wait';

const ext = useExtension();

async function openAssigned(page: Page) {
  await popupList(page);
  await popupCard(page, DEMO.chat).getByRole('button', { name: 'Unassign licenses' }).click();
  const pane = dialog(page, 'Assigned people');
  await visible(pane.getByRole('checkbox').first());
  return pane;
}

describe('unassign licenses', () => {
  test('lists the people who have a license', async () => {
    const popup = await ext.openPopup();
    const pane = await openAssigned(popup);
    await countIs(pane.getByRole('checkbox'), 12);
    await textMatches(pane, 'liam.fischer@northwind.example');
    await popup.close();
  });

  test('the confirmation names the people; Cancel keeps their licenses', async () => {
    const popup = await ext.openPopup();
    const pane = await openAssigned(popup);
    await pane.getByRole('checkbox', { name: /Liam Fischer/ }).check();
    await pane.getByRole('button', { name: 'Unassign licenses' }).click();
    const confirm = dialog(popup, 'Unassign licenses');
    await visible(confirm);
    // Either wording is fine for one person ("…licenses from 1 person: Liam Fischer?" or "…license from Liam Fischer?").
    await textMatches(confirm, /Unassign (the |a )?Contoso Chat licenses? from (1 person: )?Liam Fischer\?/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await gone(confirm);
    await pane.getByRole('button', { name: 'Cancel' }).click();
    await textMatches(popupCard(popup, DEMO.chat), '12/100');
    await popup.close();
  });

  test('select two people, Unassign licenses, confirm Unassign: both lose their license', async () => {
    const popup = await ext.openPopup();
    const pane = await openAssigned(popup);
    await pane.getByRole('checkbox', { name: /Liam Fischer/ }).check();
    await pane.getByRole('checkbox', { name: /Priya Raman/ }).check();
    await pane.getByRole('button', { name: 'Unassign licenses' }).click();
    const confirm = dialog(popup, 'Unassign licenses');
    await textMatches(confirm, /from 2 people: Liam Fischer, Priya Raman\?/);
    await confirm.getByRole('button', { name: 'Unassign', exact: true }).click();

    await gone(confirm);
    await textMatches(toast(popup), 'Unassigned 2 Contoso Chat licenses');
    await textMatches(popupCard(popup, DEMO.chat), '10/100');
    await popup.close();

    // They are gone from the list, and can be assigned again.
    const again = await ext.openPopup();
    await popupList(again);
    await popupCard(again, DEMO.chat).getByRole('button', { name: 'Unassign licenses' }).click();
    const list = dialog(again, 'Assigned people');
    await visible(list.getByRole('checkbox').first());
    await countIs(list.getByRole('checkbox'), 10);
    expect(await list.getByRole('checkbox', { name: /Liam Fischer/ }).count()).toBe(0);
    await again.close();
  });

  test('Unassign licenses with nobody selected says what to do', async () => {
    const popup = await ext.openPopup();
    const pane = await openAssigned(popup);
    await pane.getByRole('button', { name: 'Unassign licenses' }).click();
    await textMatches(pane, 'Select at least one person');
    expect(await dialog(popup, 'Unassign licenses').count()).toBe(0);
    await popup.close();
  });

  test('from the console: Licenses → the product → tick people → Unassign licenses → Unassign', async () => {
    const page = await ext.openOptions('Licenses');
    await page.getByRole('link', { name: DEMO.chat }).click();
    await visible(page.getByRole('heading', { level: 1, name: DEMO.chat }));
    await textMatches(page.locator('main'), '10 of 100 licenses assigned');

    // Nobody ticked: the button says what to do instead of doing nothing.
    await page.getByRole('button', { name: 'Unassign licenses' }).click();
    await textMatches(page.locator('main'), 'Select the people to unassign licenses from');

    await page.getByRole('checkbox', { name: 'Select Diego Alvarez' }).check();
    await page.getByRole('checkbox', { name: 'Select Sofia Rossi' }).check();
    await textMatches(page.getByRole('status').filter({ hasText: 'selected' }), '2 people selected');
    await page.getByRole('button', { name: 'Unassign licenses' }).click();
    const confirm = dialog(page, 'Unassign licenses');
    await textMatches(confirm, /from 2 people: Diego Alvarez, Sofia Rossi\?/);
    await confirm.getByRole('button', { name: 'Unassign', exact: true }).click();

    await gone(confirm);
    await textMatches(toast(page), 'Unassigned 2 Contoso Chat licenses');
    await textMatches(page.locator('main'), '8 of 100 licenses assigned');
    await countIs(page.getByRole('table').getByRole('rowheader', { name: 'Diego Alvarez' }), 0);
    await page.close();
  });
});

