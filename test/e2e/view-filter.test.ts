/**
 * View & filter: the popup lists the purchaser's subscriptions with search and sort; the console's
 * "Your products" page filters Self-service / All / Active / Canceled.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness/extension';
import type { Page } from 'playwright-core';
import { DEMO, popupCard, popupList, popupProductNames } from './harness/ui';
import { countIs, textMatches, until, visible } from './harness/wait';

const ext = useExtension();

describe('popup: your subscriptions', () => {
  test('shows every subscription with its licenses, status and renewal', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    expect((await popupProductNames(popup)).sort()).toEqual(Object.values(DEMO).sort());

    const chat = popupCard(popup, DEMO.chat);
    await textMatches(chat, /12\/100\s+licenses assigned/);
    await textMatches(chat, /Active/);
    await textMatches(chat, /Renews on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await textMatches(popupCard(popup, DEMO.whiteboard), /Canceled[\s\S]*Expires on/);
    await textMatches(popupCard(popup, DEMO.pdf), /Expired[\s\S]*Expired on/);
    // Only active subscriptions offer buying and assigning.
    await countIs(popupCard(popup, DEMO.pdf).getByRole('button', { name: 'Buy licenses' }), 0);
    await countIs(chat.getByRole('button', { name: 'Buy licenses' }), 1);
    await popup.close();
  });

  test('search narrows the list as you type, and says when nothing matches', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const search = popup.getByRole('searchbox', { name: 'Search subscriptions' });
    await search.fill('note');
    await countIs(popup.getByRole('list', { name: 'Your subscriptions' }).getByRole('listitem'), 1);
    await namesAre(() => popupProductNames(popup), [DEMO.notes]);

    await search.fill('CONTOSO');
    await namesAre(() => popupProductNames(popup), [DEMO.chat]);

    await search.fill('spreadsheet');
    await visible(popup.getByRole('heading', { name: 'No matches' }));
    await textMatches(popup.locator('body'), 'No subscription matches “spreadsheet”');

    await search.fill('');
    await countIs(popup.getByRole('list', { name: 'Your subscriptions' }).getByRole('listitem'), 5);
    await popup.close();
  });

  test('sorts by name, renewal date and number of licenses', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const sort = popup.getByRole('combobox', { name: 'Sort by' });

    await namesAre(() => popupProductNames(popup), [DEMO.chat, DEMO.design, DEMO.notes, DEMO.pdf, DEMO.whiteboard]);

    await sort.selectOption({ label: 'Licenses' });
    await namesAre(() => popupProductNames(popup), [DEMO.chat, DEMO.notes, DEMO.whiteboard, DEMO.design, DEMO.pdf]);

    // Expired PDF editor first, then the canceled whiteboard (ends in 8 days), chat (renews in 12 days),
    // the annual notes and design subscriptions.
    await sort.selectOption({ label: 'Renewal date' });
    await namesAre(() => popupProductNames(popup), [DEMO.pdf, DEMO.whiteboard, DEMO.chat, DEMO.notes, DEMO.design]);
    await popup.close();
  });
});

/** Waits until `read()` gives exactly `expected` (a re-render follows each input a moment later). */
async function namesAre(read: () => Promise<string[]>, expected: string[]): Promise<void> {
  let last: string[] = [];
  await until(async () => JSON.stringify((last = await read())) === JSON.stringify(expected), `names ${expected.join(', ')}`).catch(
    () => expect(last).toEqual(expected),
  );
}

/** Product names in the "Your products" table, top to bottom. */
async function productRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table');
  await visible(table);
  return table.getByRole('rowheader').allInnerTexts();
}

describe('console: Your products', () => {
  test('lists the self-service purchases first, then filters All / Active / Canceled', async () => {
    const page = await ext.openOptions('Your products');
    await visible(page.getByRole('tab', { name: 'Products', selected: true }));
    const filter = page.getByRole('combobox', { name: 'Filter' });
    // Like the admin center's filter, it starts on the purchaser's own self-service purchases.
    expect(await filter.locator('option:checked').innerText()).toBe('Self-service');
    await textMatches(page.getByRole('table'), DEMO.chat);
    await namesAre(async () => (await productRows(page)).sort(), Object.values(DEMO).sort());
    await textMatches(page.getByRole('status').filter({ hasText: 'Showing' }), 'Showing 5 of 5 subscriptions');

    await filter.selectOption({ label: 'Active' });
    await textMatches(page.getByRole('status').filter({ hasText: 'Showing' }), 'Showing 3 of 5 subscriptions');
    await namesAre(async () => (await productRows(page)).sort(), [DEMO.chat, DEMO.design, DEMO.notes].sort());

    await filter.selectOption({ label: 'Canceled' });
    await textMatches(page.getByRole('status').filter({ hasText: 'Showing' }), /Showing [12] of 5 subscriptions/);
    const canceled = await productRows(page);
    expect(canceled).toContain(DEMO.whiteboard);
    expect(canceled).not.toContain(DEMO.chat);
    expect(canceled).not.toContain(DEMO.notes);
    expect(canceled).not.toContain(DEMO.design);

    await filter.selectOption({ label: 'All' });
    await namesAre(async () => (await productRows(page)).sort(), Object.values(DEMO).sort());
    await page.close();
  });

  test('each row shows licenses assigned, status, renewal and price', async () => {
    const page = await ext.openOptions('Your products');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.chat, exact: true }) });
    await textMatches(row, /12\/100/);
    await textMatches(row, /Active/);
    await textMatches(row, /Renews on/);
    await textMatches(row, /\$1,250\.00\s*per month/);
    const whiteboard = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.whiteboard, exact: true }) });
    await textMatches(whiteboard, /Canceled[\s\S]*Expires on/);
    await page.close();
  });
});
