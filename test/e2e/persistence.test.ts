/**
 * Persistence: what the purchaser changed is still there after closing and reopening the popup,
 * after the background service worker is stopped (Chromium does that when it is idle), and after a
 * browser restart on the same profile. The demo data is seeded once, not again on every start.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness/extension';
import { buyLicensesInPopup, DEMO, dialog, popupCard, popupList, toast } from './harness/ui';
import { gone, textMatches, visible } from './harness/wait';

const ext = useExtension();

async function chatCardText(): Promise<string> {
  const popup = await ext.openPopup();
  await popupList(popup);
  const text = await popupCard(popup, DEMO.chat).innerText();
  await popup.close();
  return text;
}

describe('state survives', () => {
  test('closing and reopening the popup', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await buyLicensesInPopup(popup, DEMO.chat, 105);
    await textMatches(toast(popup), 'Added 5 licenses');

    await chat.getByRole('button', { name: 'Assign licenses', exact: true }).click();
    const assign = dialog(popup, 'Assign licenses to users');
    await assign.getByRole('combobox', { name: 'Name or email' }).fill('Ines');
    await assign.getByRole('option', { name: /Ines Moreau/ }).click();
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(assign);
    await textMatches(chat, '13/105');
    await popup.close();

    expect(await chatCardText()).toContain('13/105');
  });

  test('the background service worker being stopped and started again', async () => {
    await ext.stopServiceWorker();

    // A new popup wakes the worker, which must load the document from IndexedDB, not re-seed it.
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await textMatches(chat, '13/105');
    // …and the woken background still runs commands on the loaded state.
    await chat.getByRole('button', { name: 'Remove licenses' }).click();
    const pane = dialog(popup, 'Remove licenses');
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    expect(await total.inputValue()).toBe('105');
    await total.fill('104');
    await pane.getByRole('button', { name: 'Save' }).click();
    await gone(pane);
    await textMatches(chat, '13/104');
    await popup.close();
  });

  test('a browser restart with the same profile', async () => {
    await ext.restartBrowser();
    const popup = await ext.openPopup();
    await popupList(popup);
    await textMatches(popupCard(popup, DEMO.chat), '13/104');
    await popupCard(popup, DEMO.chat).getByRole('button', { name: 'Unassign licenses' }).click();
    const pane = dialog(popup, 'Assigned people');
    await visible(pane.getByRole('checkbox', { name: /Ines Moreau/ }));
    await popup.close();

    // Everything else is as the demo left it: not seeded a second time.
    const again = await ext.openPopup();
    await popupList(again);
    await textMatches(popupCard(again, DEMO.notes), '8/25');
    expect(await again.getByRole('list', { name: 'Your subscriptions' }).getByRole('listitem').count()).toBe(5);
    await again.close();
  });
});
