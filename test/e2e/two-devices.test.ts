/**
 * One purchaser on two devices (two browser profiles, each with the extension, signed in to the same
 * account), both without network: device A assigns three people to Fabrikam Design Studio while
 * device B removes licenses down to what was assigned before. Each edit was valid where it was made;
 * merged, seven people would hold five licenses. The server corrects that merge in the commit that
 * stores it (docs/security.md, "Who decides what"): it undoes the two newest assignments and says so
 * in a notice. Once both are back, both devices and the admin console show the same 5/5 and no
 * conflict, both devices show the notice, and the two people named in it hold no license.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { MAYA, RILEY } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { useDemoServer, useDevices, type Device } from './harness/demo-server';
import { DEMO, dialog, popupCard, popupList, signInAndOpenPopup, syncLine, toast } from './harness/ui';
import { gone, pageText, textMatches, until } from './harness/wait';

const NEWLY_ASSIGNED = ['Grace Liu', 'Mateo García', 'Olivia Brown'];
/**
 * The server drops the newest assignments beyond the licenses, ties by person id descending
 * (lib/rules/subscription-transition.ts). A's one command gave the three the same timestamp, so the
 * two dropped are Olivia Brown (person-16) and Mateo García (person-15); Grace Liu (person-14) stays.
 */
const UNDONE_FOR = ['Olivia Brown', 'Mateo García'];
const KEPT = 'Grace Liu';
const UNDONE = `${DEMO.design} has 5 licenses for 7 people, so the latest assignments were undone: ${UNDONE_FOR.join(', ')}. Add licenses to assign them again.`;

const demo = useDemoServer(2);
const [a, b] = useDevices(demo, 2) as [Device, Device];
let admin: AdminConsole;


/** Product → "assigned/licenses" as a device's popup shows them. */
async function popupCounts(popup: Page): Promise<Record<string, string>> {
  const list = await popupList(popup);
  const cards = await list.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => [item.querySelector('h2')?.textContent ?? '', /(\d+\/\d+)/.exec(item.querySelector('.sub-card-meta')?.textContent ?? '')?.[1] ?? '']),
  );
  return Object.fromEntries(cards);
}

describe('two devices editing offline', () => {
  test('both devices sign in as the same purchaser and show the account’s subscriptions', async () => {
    for (const device of [a, b]) {
      device.popup = await signInAndOpenPopup(device.ext, device.link().url, demo.code(MAYA), 'Maya Okafor');
      await textMatches(popupCard(device.popup, DEMO.design), '4/10');
    }
    admin = await demo.openAdminConsole(RILEY, 5);
  });

  test('offline, A assigns three people and B removes five licenses; each is valid on its own device', async () => {
    for (const device of [a, b]) device.link().cut();
    for (const device of [a, b]) await textMatches(syncLine(device.popup!), /^Offline/, 20_000);

    const onA = onDevice(a);
    await onA.design.getByRole('button', { name: 'Assign licenses', exact: true }).click();
    const assign = dialog(onA.popup, 'Assign licenses to users');
    for (const name of NEWLY_ASSIGNED) {
      await assign.getByRole('combobox', { name: 'Name or email' }).fill(name);
      await assign.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(assign);
    await textMatches(onA.design, '7/10');
    await textMatches(syncLine(onA.popup), 'Offline — 1 change waiting');

    const onB = onDevice(b);
    await onB.design.getByRole('button', { name: 'Remove licenses' }).click();
    const remove = dialog(onB.popup, 'Remove licenses');
    await remove.getByRole('spinbutton', { name: 'Total licenses' }).fill('5');
    await remove.getByRole('button', { name: 'Save' }).click();
    await gone(remove);
    await textMatches(toast(onB.popup), 'Removed 5 licenses from Fabrikam Design Studio');
    await textMatches(onB.design, '4/5');
    await textMatches(syncLine(onB.popup), 'Offline — 1 change waiting');

    // Neither device's change is broken on its own, and the server has neither.
    for (const { design } of [onA, onB]) expect(await design.innerText()).not.toContain('assigned but only');
    await textMatches(admin.rowsOf(DEMO.design), /Maya Okafor\s+10\s+4\b/);
  });

  test('back online, the server undoes the newest assignments past the licenses, and everyone sees the same 5/5', async () => {
    for (const device of [a, b]) device.link().restore();
    // y-websocket retries at most 800 ms apart (lib/sync/room-connection.ts).
    for (const device of [a, b]) await textMatches(syncLine(device.popup!), 'All changes synced', 30_000);

    for (const device of [a, b]) {
      const { popup, design } = onDevice(device);
      await textMatches(design, '5/5');
      await textMatches(popup.getByRole('region', { name: 'Changes made by the sync server' }), UNDONE, 15_000);
      expect(await pageText(popup)).not.toContain('assigned but only');
    }
    await textMatches(admin.rowsOf(DEMO.design), /Maya Okafor\s+5\s+5\b/, 10_000);

    const onA = await popupCounts(a.popup!);
    expect(onA[DEMO.design]).toBe('5/5');
    await until(async () => JSON.stringify(await popupCounts(b.popup!)) === JSON.stringify(onA), 'device B to show what device A shows');
    await until(async () => JSON.stringify(await admin.licenseCounts()) === JSON.stringify(onA), 'the admin console to show what the devices show').catch(
      async (error: Error) => {
        throw new Error(`${error.message}\ndevices: ${JSON.stringify(onA)}\nadmin: ${JSON.stringify(await admin.licenseCounts())}`);
      },
    );

    // The admins see who holds the five licenses: the one kept of the three new ones, not the two undone.
    await admin.rowsOf(DEMO.design).click();
    const people = await textMatches(admin.page.getByRole('complementary', { name: DEMO.design }).getByRole('list'), KEPT);
    for (const name of UNDONE_FOR) expect(people).not.toContain(name);
    expect(people.split('\n').filter(Boolean)).toHaveLength(5);
    expect(await pageText(admin.page)).not.toContain('assigned but only');

    // The console's Licenses section says the same on device B, which never saw the assignments made.
    const licenses = await b.ext.openOptions('Licenses');
    await textMatches(licenses.getByRole('region', { name: 'Changes made by the sync server' }), UNDONE);
    const row = licenses.getByRole('row').filter({ has: licenses.getByRole('rowheader', { name: new RegExp(`^${DEMO.design}`) }) });
    await textMatches(row, /5\s+0\s+5/);
    expect(await pageText(licenses)).not.toContain('assigned but only');
    await licenses.close();

    for (const device of [a, b]) await textMatches(syncLine(device.popup!), 'All changes synced');
    expect(admin.problems).toEqual([]);
  });
});

/** A device's popup and its Fabrikam Design Studio card. */
function onDevice(device: Device) {
  const popup = device.popup!;
  return { popup, design: popupCard(popup, DEMO.design) };
}
