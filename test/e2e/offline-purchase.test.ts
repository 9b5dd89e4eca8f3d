/**
 * The server is the authority over an honest purchase made offline: while the purchaser is offline
 * an admin turns self-service off for Proseware PDF Editor (the CLI); the purchaser, whose device
 * still has the old catalog, buys it and also assigns a license. Back online, the server undoes the
 * purchase in the same commit that stores it and says so in plain words, the assignment stays,
 * nothing is charged, the admin console never shows the purchase, and the device ends in sync.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { MAYA, ORG, RILEY } from '../server/fixture';
import { openDb } from '../../server/db';
import type { AdminConsole } from './harness/admin-console';
import { updateProductWithCli } from './harness/cli';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { DEMO, dialog, popupCard, popupList, signInFromSettings, syncLine, toast, reviewAndBuy } from './harness/ui';
import { gone, textMatches, until } from './harness/wait';

const UNDONE = 'Proseware PDF Editor can no longer be bought here; your purchase was not made and nothing was charged.';

const ext = useExtension();
const demo = useDemoServer(1);
const link = () => demo.links[0]!;
let admin: AdminConsole;
let popup: Page;

/** What the simulated processor charged, from the server's data directory. */
function processorCharges(): number {
  const db = openDb(demo.dir);
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM simulated_charges').get()!.n;
  } finally {
    db.close();
  }
}

describe('an offline purchase of a product turned off meanwhile', () => {
  test('signed in, the purchaser and the admin console see the demo account', async () => {
    const options = await ext.openOptions('Settings');
    await signInFromSettings(options, link().url, demo.code(MAYA), 'Maya Okafor');
    await options.close();
    popup = await ext.openPopup();
    await textMatches(popupCard(popup, DEMO.design), '4/10');
    admin = await demo.openAdminConsole(RILEY, 5);
  });

  test('offline, the purchaser buys the product and assigns a license; meanwhile it is turned off', async () => {
    link().cut();
    await textMatches(syncLine(popup), /^Offline/, 20_000);
    expect(await updateProductWithCli(demo.dir, ORG, 'prod-pdf', { selfService: false })).toMatch(/self-service off/);

    const options = await ext.openOptions('Your products');
    await options.getByRole('button', { name: 'Buy a subscription' }).click();
    const buy = dialog(options, 'Buy a subscription');
    await buy.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.pdf });
    await buy.getByRole('spinbutton', { name: 'Licenses' }).fill('3');
    await reviewAndBuy(buy);
    await gone(buy);
    await textMatches(toast(options), `Bought 3 licenses of ${DEMO.pdf}`);
    await options.close();

    await popupList(popup);
    await popupCard(popup, DEMO.design).getByRole('button', { name: 'Assign licenses', exact: true }).click();
    const assign = dialog(popup, 'Assign licenses to users');
    await assign.getByRole('combobox', { name: 'Name or email' }).fill('Grace Liu');
    await assign.getByRole('option', { name: /^Grace Liu/ }).click();
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(assign);
    await textMatches(popupCard(popup, DEMO.design), '5/10');
    await until(async () => (await popup.getByRole('heading', { name: DEMO.pdf, exact: true }).count()) === 2, 'the offline purchase on the device');
  });

  test('back online, the purchase is undone with a message, the assignment stays, nothing is charged', async () => {
    link().restore();
    // y-websocket retries at most 800 ms apart (lib/sync/room-connection.ts).
    await textMatches(syncLine(popup), 'All changes synced', 30_000);
    await textMatches(popup.getByRole('region', { name: 'Changes made by the sync server' }), UNDONE, 15_000);
    await until(async () => (await popup.getByRole('heading', { name: DEMO.pdf, exact: true }).count()) === 1, 'only the old, expired PDF subscription');
    await textMatches(popupCard(popup, DEMO.design), '5/10');
    await textMatches(syncLine(popup), 'All changes synced');

    // The admins see the truth: the assignment, and never the purchase.
    await textMatches(admin.rowsOf(DEMO.design), /Maya Okafor\s+10\s+5\b/, 10_000);
    expect(await admin.rows().count()).toBe(5);
    expect(await admin.rowsOf(DEMO.pdf).count()).toBe(1);
    expect(processorCharges()).toBe(0);

    // The console says the same, and Dismiss puts the message away.
    const options = await ext.openOptions('Your products');
    const notices = options.getByRole('region', { name: 'Changes made by the sync server' });
    await textMatches(notices, UNDONE);
    await notices.getByRole('button', { name: `Dismiss: ${UNDONE}` }).click();
    await gone(notices);
    expect(admin.problems).toEqual([]);
  });
});
