/**
 * Two devices of one purchaser (two browser profiles with the extension, signed in to the same
 * account) raise the same subscription's licenses offline past its maximum. Each device commands
 * "set the new total", so a merge of two totals is one of them; the maximum can only be passed
 * because it was lowered while both were offline: an admin sets Fabrikam Design Studio to at most
 * 12 licenses (the CLI), then device A raises it from 10 to 15 and device B to 20, each accepted
 * offline against the catalog it still has (at most 50). Back online, the server caps whichever
 * total won at 12 in the commit that stores it (docs/security.md, "Who decides what") and says so in
 * the billing room's notices. Both devices and the admin console show 12 licenses, both devices
 * show the notice and end in sync, and the purchaser is billed for the 2 licenses added (10 → 12)
 * only, never for 5 or 10.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { previewLicenseChange } from '../../lib/billing/price-preview';
import type { Invoice } from '../../lib/billing/schemas';
import { demoOrg } from '../../lib/org/demo';
import { demoSeedChanges } from '../../lib/org/demo-seed';
import { formatMoney } from '../../lib/money';
import type { Subscription } from '../../lib/subscriptions/schema';
import { MAYA, ORG, RILEY } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { updateProductWithCli } from './harness/cli';
import { useDemoServer, useDevices, type Device } from './harness/demo-server';
import { buyLicensesInPopup, DEMO, dialog, popupCard, signInAndOpenPopup, syncLine, toast } from './harness/ui';
import { pageText, textMatches, until, visible } from './harness/wait';

const MAX = 12;
const TOTAL_ON_A = 15;
const TOTAL_ON_B = 20;
/** Whichever device's total won the merge, the server capped it; a second notice is possible when both were capped. */
const CAPPED = new RegExp(
  `${DEMO.design} can have at most ${MAX} licenses, so it has ${MAX} licenses, not (${TOTAL_ON_A}|${TOTAL_ON_B})\\. You are billed for ${MAX}\\.`,
);
const NOTICES = 'Changes made by the sync server';

const demo = useDemoServer(2);
const [a, b] = useDevices(demo, 2) as [Device, Device];
let admin: AdminConsole;
/** The invoice numbers device B listed before going offline. */
let invoicesBefore: string[] = [];


/** The demo's Design subscription as the server seeded it today (dates relative to today). */
function seededDesign(): Subscription {
  const change = demoSeedChanges(demoOrg(), new Date().toISOString()).find((c) => c.op === 'put' && c.collection === 'subscriptions' && c.id === 'sub-design');
  if (change?.op !== 'put') throw new Error('The demo seed has no sub-design');
  return change.fields as unknown as Subscription;
}

/** Bills & payments → Invoices (past 3 months) of a device's console. */
async function invoicesPage(device: Device): Promise<Page> {
  const page = await device.ext.openOptions('Bills & payments');
  await visible(page.getByRole('tab', { name: 'Invoices', selected: true }));
  await visible(page.getByRole('table'));
  return page;
}

/** The invoice numbers listed, top to bottom. */
function listedNumbers(page: Page): Promise<string[]> {
  return page.getByRole('table').getByRole('rowheader').allInnerTexts();
}


const designLines = (invoice: Invoice) => invoice.lines.filter((line) => line.subscriptionId === 'sub-design');

describe('two devices raise licenses offline past a maximum lowered meanwhile', () => {
  test('both devices sign in as the same purchaser and show Fabrikam Design Studio with 10 licenses', async () => {
    for (const device of [a, b]) {
      device.popup = await signInAndOpenPopup(device.ext, device.link().url, demo.code(MAYA), 'Maya Okafor');
      await textMatches(popupCard(device.popup, DEMO.design), '4/10');
    }
    admin = await demo.openAdminConsole(RILEY, 5);
    await textMatches(admin.rowsOf(DEMO.design), /Maya Okafor\s+10\s+4\b/);

    const invoices = await invoicesPage(b);
    invoicesBefore = await listedNumbers(invoices);
    expect(invoicesBefore.length).toBeGreaterThan(0);
    await invoices.close();
  });

  test('offline, the maximum drops to 12; A sets 15 licenses and B 20, each accepted on its own device', async () => {
    for (const device of [a, b]) device.link().cut();
    for (const device of [a, b]) await textMatches(syncLine(device.popup!), /^Offline/, 20_000);
    expect(await updateProductWithCli(demo.dir, ORG, 'prod-design', { maxLicenses: MAX })).toMatch(/up to 12 licenses/);

    for (const [device, total] of [
      [a, TOTAL_ON_A],
      [b, TOTAL_ON_B],
    ] as const) {
      const popup = device.popup!;
      await buyLicensesInPopup(popup, DEMO.design, total);
      await textMatches(toast(popup), `Added ${total - 10} licenses to ${DEMO.design}`);
      await textMatches(popupCard(popup, DEMO.design), `4/${total}`);
      await textMatches(syncLine(popup), 'Offline — 1 change waiting');
    }
    // The server has neither.
    await textMatches(admin.rowsOf(DEMO.design), /Maya Okafor\s+10\s+4\b/);
  });

  test('back online, both devices and the admin console show 12 licenses and the purchaser is told why', async () => {
    for (const device of [a, b]) device.link().restore();
    // y-websocket retries at most 800 ms apart (lib/sync/room-connection.ts).
    for (const device of [a, b]) await textMatches(syncLine(device.popup!), 'All changes synced', 30_000);

    for (const device of [a, b]) {
      const popup = device.popup!;
      await textMatches(popupCard(popup, DEMO.design), `4/${MAX}`, 15_000);
      await textMatches(popup.getByRole('region', { name: NOTICES }), CAPPED, 15_000);
      const text = await pageText(popup);
      expect(text).not.toMatch(new RegExp(`4/(${TOTAL_ON_A}|${TOTAL_ON_B})\\b`));
    }
    await textMatches(admin.rowsOf(DEMO.design), new RegExp(`Maya Okafor\\s+${MAX}\\s+4\\b`), 10_000);
    expect((await admin.licenseCounts())[DEMO.design]).toBe(`4/${MAX}`);

    // The notices name only the two totals written, each capped at 12.
    const notices = await b.popup!.getByRole('region', { name: NOTICES }).getByRole('listitem').allInnerTexts();
    expect(notices.length).toBeGreaterThanOrEqual(1);
    for (const notice of notices) expect(notice).toMatch(CAPPED);

    // Still in sync once the corrections and the invoice have arrived.
    for (const device of [a, b]) await textMatches(syncLine(device.popup!), 'All changes synced');
    expect(admin.problems).toEqual([]);
  });

  test('Bills & payments shows one new invoice for Design, for the 2 licenses added (10 → 12) only', async () => {
    const preview = previewLicenseChange({ ...seededDesign(), licenses: 10 }, MAX, demoOrg().organization.taxRateBps, new Date().toISOString());
    expect(preview.delta).toBe(2);

    const page = await invoicesPage(b);
    // The console tells it too, at the top of its main area.
    await textMatches(page.getByRole('region', { name: NOTICES }), CAPPED);
    const added = await until(async () => {
      const numbers = (await listedNumbers(page)).filter((n) => !invoicesBefore.includes(n));
      return numbers.length ? numbers : undefined;
    }, 'the server’s invoice for the added licenses on the device', 15_000);
    expect(added).toHaveLength(1);

    await page.getByRole('table').getByRole('button', { name: added[0], exact: true }).click();
    const pane = dialog(page, `Invoice ${added[0]}`);
    const shown = await textMatches(pane, `${DEMO.design}, 2 licenses added for`);
    expect(shown).not.toMatch(/\b(5|10) licenses added/);
    await textMatches(pane.getByRole('group', { name: 'Totals' }), formatMoney(preview.today.total, 'USD'));
    await page.close();

    // The server's record says the same: every invoice it issued for Design since adds 2 licenses in
    // all (the billing room also holds the demo's history, listed before).
    const billing = await demo.billingRoom(MAYA);
    const design = Object.values(billing.invoices).filter((invoice) => designLines(invoice).length && !invoicesBefore.includes(invoice.number));
    expect(design.map((invoice) => designLines(invoice).map((line) => line.quantity))).toEqual([[2]]);
    expect(design[0]).toMatchObject({ number: added[0], subtotal: preview.today.subtotal, total: preview.today.total, status: 'paid' });
    const charged = Object.values(billing.charges).filter((charge) => charge.subscriptionId === 'sub-design' && charge.status === 'charged');
    expect(charged).toHaveLength(1);
  });
});
