/**
 * Sessions in real Chromium against the real server process: signing out asks what stays on the
 * device (a read-only copy, or nothing of the account), a kept copy takes no change that could
 * reach the account, removing leaves nothing of it in IndexedDB, a restarted server is synced with
 * again within 2 s of listening, and an IT admin signed in to the extension gets a read-only one.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { MAYA, ORG, RILEY, room, seedTwoOrgs } from '../server/fixture';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type Client, type ServerProcess } from '../server/harness';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { gotoSection, useExtension } from './harness/extension';
import { buyLicensesInPopup, DEMO, dialog, popupCard, popupList, signInFromSettings, syncLine, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const adminExt = useExtension();
const data = tempDataDir();
let server: ServerProcess;
const clients: Client[] = [];

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.kill('SIGKILL');
  data.remove();
});

const code = (who: typeof MAYA) => withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, who.personId));

/** A fresh reader of one of Maya's rooms, as an IT admin: what the server holds, not what a device remembers. */
async function read(roomName: string): Promise<Y.Doc> {
  const client = await connectSynced(server.wsUrl, roomName, await mint(data.dir, RILEY));
  clients.push(client);
  return client.doc;
}

const licensesOnServer = async () => (await read(room.purchaser(MAYA))).getMap<Y.Map<unknown>>('subscriptions').get('sub-chat')?.get('licenses');

/** Settings › Sync › Sign out, answered with one of the dialog's two choices. */
async function signOut(options: Page, choice: 'Keep a copy on this device' | 'Remove this account’s data'): Promise<void> {
  await options.getByRole('button', { name: 'Sign out' }).click();
  const asked = dialog(options, 'Sign out');
  await visible(asked);
  await asked.getByRole('button', { name: choice }).click();
  await gone(asked);
}

/** A command sent the way the pages send it, for what the background does with it whatever the page shows. */
function sendCommand(page: Page, total: number) {
  return page.evaluate(
    (licenses) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'command',
        name: 'setLicenses',
        input: { subscriptionId: 'sub-chat', total: licenses },
      }),
    total,
  ) as Promise<{ ok: boolean; errors?: Record<string, string> }>;
}

describe('sessions', () => {
  let options: Page;
  let popup: Page;

  test('sign out asks what stays; a kept copy is read-only, and nothing done while signed out reaches the account', async () => {
    options = await ext.openOptions('Settings');
    await signInFromSettings(options, server.url, code(MAYA), 'Maya Okafor');
    popup = await ext.openPopup();
    await popupList(popup);
    await buyLicensesInPopup(popup, DEMO.chat, 105);
    await textMatches(syncLine(popup), 'All changes synced', 20_000);
    expect(await licensesOnServer()).toBe(105);

    await options.bringToFront();
    await options.getByRole('button', { name: 'Sign out' }).click();
    const asked = dialog(options, 'Sign out');
    await visible(asked);
    await textMatches(asked, 'Keep a copy on this device');
    expect(await asked.getByRole('button', { name: 'Stay signed in' }).evaluate((el) => el === document.activeElement)).toBe(true);
    const problems = await seriousAxeViolations(options, '.dialog');
    expect(problems, formatAxe(problems)).toEqual([]);
    await asked.getByRole('button', { name: 'Stay signed in' }).click();
    await gone(asked);
    await textMatches(syncLine(options), 'All changes synced');

    await signOut(options, 'Keep a copy on this device');
    await textMatches(syncLine(options), 'Signed out — a read-only copy of Maya Okafor’s data');

    // The copy reads as before, with no control that changes it, and says why.
    await popup.reload();
    await popupList(popup);
    await textMatches(popupCard(popup, DEMO.chat), '/105');
    await visible(popup.getByRole('note').filter({ hasText: 'read-only copy of Maya Okafor’s data' }));
    expect(await popup.getByRole('button', { name: /Buy licenses|Remove licenses|Assign licenses|Unassign licenses/ }).count()).toBe(0);
    // Nor does the background take a change sent anyway.
    expect(await sendCommand(popup, 120)).toMatchObject({ ok: false, errors: { form: expect.stringContaining('read-only copy') } });

    // Signed in again, the account has what it had, and the device can change it again.
    await options.bringToFront();
    await signInFromSettings(options, server.url, code(MAYA), 'Maya Okafor');
    expect(await licensesOnServer()).toBe(105);
    await popup.reload();
    await popupList(popup);
    await visible(popupCard(popup, DEMO.chat).getByRole('button', { name: 'Buy licenses' }));
    await textMatches(popupCard(popup, DEMO.chat), '/105');
  });

  test('after a server restart the extension is synced again within 2 s of the server listening', async () => {
    await popup.bringToFront();
    await textMatches(syncLine(popup), 'All changes synced');
    const port = server.port;
    await server.kill('SIGTERM');
    await textMatches(syncLine(popup), /^Offline/, 15_000);
    server = await startServer(data.dir, { port });
    const listening = Date.now();
    await textMatches(syncLine(popup), /^All changes synced$/, 2_000);
    expect(Date.now() - listening).toBeLessThan(2_000);
  });

  test('sign out removing the account’s data leaves nothing of it in IndexedDB', async () => {
    // Something only the account has: a card holder name set on another device, and the numbers of
    // the invoices the server issued (their ids are the demo's own, which the device shows again).
    const other = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
    clients.push(other);
    const cards = other.doc.getMap<Y.Map<unknown>>('paymentMethods');
    const card = [...cards.values()][0]!;
    card.set('nameOnCard', 'Maya Sessions-Only-Account');
    await until(async () => (await ext.dumpStorage()).includes('Maya Sessions-Only-Account'), 'the account’s change on the device', 15_000);
    const invoices = (await read(room.billing(MAYA))).getMap<Y.Map<unknown> | object>('invoices');
    const issued = [...invoices.values()].map((invoice) => String((invoice as { get?: (k: string) => unknown }).get?.('number') ?? (invoice as { number?: string }).number));
    expect(issued.length).toBeGreaterThan(0);
    const before = await ext.dumpStorage();
    expect(issued.filter((value) => before.includes(value)).length).toBeGreaterThan(0);

    await options.bringToFront();
    await signOut(options, 'Remove this account’s data');
    await textMatches(toast(options), 'removed from this device');
    await textMatches(syncLine(options), 'Local only');

    const after = await ext.dumpStorage();
    expect(after).not.toContain('Maya Sessions-Only-Account');
    for (const value of issued) expect(after, `invoice ${value}`).not.toContain(value);
    expect(after).not.toContain('refreshToken');
    expect(after).not.toContain(server.url);
    // The device shows the demo again, as on first start, and it can be changed.
    await popup.reload();
    await popupList(popup);
    await visible(popupCard(popup, DEMO.chat).getByRole('button', { name: 'Buy licenses' }));
    await textMatches(popupCard(popup, DEMO.chat), '/100');
  });

  test('an IT admin signed in to the extension sees a read-only extension: no buy or edit controls', async () => {
    const admin = await adminExt.openOptions('Settings');
    await signInFromSettings(admin, server.url, code(RILEY), 'Riley Chen');
    const notice = admin.getByRole('note').filter({ hasText: 'Signed in as an IT admin: this extension is read-only' });
    await visible(notice);
    await visible(notice.getByRole('link', { name: 'Open admin console' }));

    await gotoSection(admin, 'Your products');
    expect(await admin.getByRole('button', { name: 'Buy a subscription' }).count()).toBe(0);
    await gotoSection(admin, 'Bills & payments');
    await admin.getByRole('tab', { name: 'Payment methods' }).click();
    await visible(admin.getByRole('tabpanel'));
    expect(await admin.getByRole('button', { name: 'Add a payment method' }).count()).toBe(0);

    const adminPopup = await adminExt.openPopup();
    await visible(adminPopup.getByRole('note').filter({ hasText: 'Signed in as an IT admin' }));
    expect(await adminPopup.getByRole('link', { name: /Buy a subscription/ }).count()).toBe(0);
    expect(await sendCommand(adminPopup, 120)).toMatchObject({ ok: false, errors: { form: expect.stringContaining('IT admin') } });
  });
});
