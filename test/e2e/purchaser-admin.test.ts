/**
 * A purchaser and an IT admin, end to end: the extension signs in from Settings with a one-time code
 * made by the CLI, a subscription bought in the console and licenses bought in the popup show up in
 * the admin console (a second browser) within 2 s without a reload, edits made while the extension has no network wait ("Offline
 * — N changes waiting") and reach the admin console once it is back, and the admin console offers
 * nothing that edits. Everything runs against a real sync server process on a loopback port.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { MAYA, ORG, RILEY } from '../server/fixture';
import { startServer, tempDataDir, withAdmin, type ServerProcess } from '../server/harness';
import { adminControls, isAllowedAdminControl, openAdminConsole, type AdminConsole } from './harness/admin-console';
import { createCodeWithCli } from './harness/cli';
import { gotoSection, useExtension } from './harness/extension';
import { startNetworkLink, type NetworkLink } from './harness/network-link';
import { buyLicensesInPopup, DEMO, dialog, popupCard, popupList, signInFromSettings, syncLine, toast, reviewAndBuy } from './harness/ui';
import { countIs, gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const data = tempDataDir();
let server: ServerProcess;
let link: NetworkLink;
let admin: AdminConsole;
let options: Page;

beforeAll(async () => {
  withAdmin(data.dir, (orgAdmin) => orgAdmin.seedDemo());
  server = await startServer(data.dir);
  link = await startNetworkLink({ host: '127.0.0.1', port: server.port });
});

afterAll(async () => {
  await admin?.close();
  await link?.close();
  await server?.kill('SIGKILL');
  data.remove();
});

/** The admin console's cell of `column` (0-based: product, purchaser, licenses, assigned…) in a product's only row. */
const adminCell = (product: string, column: number) => admin.rowsOf(product).locator('td').nth(column);

describe('a purchaser’s changes in the admin console', () => {
  test('the extension signs in from Settings with a code made by the CLI; the admin signs in with theirs', async () => {
    const [purchaserCode, adminCode] = await Promise.all([
      createCodeWithCli(data.dir, ORG, MAYA.personId),
      createCodeWithCli(data.dir, ORG, RILEY.personId),
    ]);
    options = await ext.openOptions('Settings');
    await signInFromSettings(options, link.url, purchaserCode, 'Maya Okafor');

    admin = await openAdminConsole(server.url, adminCode, 5);
    await textMatches(admin.page.locator('tbody'), 'Maya Okafor');
    // Set on the live document: still there later means nothing reloaded the page.
    await admin.page.evaluate(() => Object.assign(window, { sameDocument: true }));
  });

  test('a subscription bought in the console shows in the admin console within 2 s, without a reload', async () => {
    await countIs(admin.rowsOf(DEMO.pdf), 1);
    await gotoSection(options, 'Your products');
    await options.getByRole('button', { name: 'Buy a subscription' }).click();
    const pane = dialog(options, 'Buy a subscription');
    await pane.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.pdf });
    await pane.getByRole('spinbutton', { name: 'Licenses' }).fill('10');
    await pane.getByRole('combobox', { name: 'Term' }).selectOption({ label: 'Annual' });
    await reviewAndBuy(pane);
    // From the click: the command, the WebSocket, the server's store and summary, the console's render.
    await countIs(admin.rowsOf(DEMO.pdf), 2, 2_000);

    await textMatches(toast(options), 'Bought 10 licenses of Proseware PDF Editor');
    await textMatches(admin.rowsOf(DEMO.pdf).filter({ hasText: 'Active' }), /Maya Okafor\s+10\s+0\b/);
    expect(await admin.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  test('licenses bought in the popup show in the admin console within 2 s', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await textMatches(adminCell(DEMO.design, 2), /^10$/);
    const design = popupCard(popup, DEMO.design);
    await design.getByRole('button', { name: 'Buy licenses' }).click();
    const buy = dialog(popup, 'Buy licenses');
    await buy.getByRole('spinbutton', { name: 'Total licenses' }).fill('12');
    await buy.getByRole('button', { name: 'Save' }).click();
    await textMatches(adminCell(DEMO.design, 2), /^12$/, 2_000);
    await textMatches(design, '4/12');
    await popup.close();
  });

  test('offline, license and assignment changes wait on the device, then reach the admin console', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await textMatches(syncLine(popup), 'All changes synced', 20_000);

    link.cut();
    await textMatches(syncLine(popup), /^Offline/, 20_000);

    const chat = popupCard(popup, DEMO.chat);
    await buyLicensesInPopup(popup, DEMO.chat, 105);
    await textMatches(toast(popup), 'Added 5 licenses');
    await textMatches(chat, '12/105');
    await textMatches(syncLine(popup), 'Offline — 1 change waiting');
    // The server bills license changes; until it has, the card says so.
    await textMatches(chat, 'Awaiting confirmation');

    const notes = popupCard(popup, DEMO.notes);
    await notes.getByRole('button', { name: 'Assign licenses', exact: true }).click();
    const assign = dialog(popup, 'Assign licenses to users');
    for (const name of ['Mei Tanaka', 'Samuel Adeyemi']) {
      await assign.getByRole('combobox', { name: 'Name or email' }).fill(name);
      await assign.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(assign);
    await textMatches(notes, '10/25');
    await textMatches(syncLine(popup), 'Offline — 2 changes waiting');

    // Nothing reached the server meanwhile.
    expect(await adminCell(DEMO.chat, 2).innerText()).toBe('100');
    expect(await adminCell(DEMO.notes, 3).innerText()).toBe('8');

    link.restore();
    // y-websocket retries at most 800 ms apart (lib/sync/room-connection.ts).
    await textMatches(syncLine(popup), 'All changes synced', 30_000);
    await textMatches(adminCell(DEMO.chat, 2), /^105$/, 5_000);
    await textMatches(adminCell(DEMO.chat, 3), /^12$/);
    await textMatches(adminCell(DEMO.notes, 3), /^10$/, 5_000);
    await until(async () => !(await chat.innerText()).includes('Awaiting confirmation'), 'the server’s answer to the license change', 15_000);

    // The people assigned offline are named in the row's details.
    await admin.rowsOf(DEMO.notes).click();
    const details = admin.page.getByRole('complementary', { name: DEMO.notes });
    const people = await textMatches(details.getByRole('list'), 'Mei Tanaka');
    expect(people).toContain('Samuel Adeyemi');
    expect(await admin.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await popup.close();
  });

  test('the admin console offers no way to edit', async () => {
    // The details pane is open: its Close button is the only control it adds.
    await visible(admin.page.getByRole('complementary', { name: DEMO.notes }));
    const unexpected = (await adminControls(admin.page)).filter((control) => !isAllowedAdminControl(control));
    expect(unexpected).toEqual([]);
    expect(await admin.page.locator('[contenteditable]:not([contenteditable="false"]), textarea').count()).toBe(0);
    expect(admin.problems).toEqual([]);
  });
});
