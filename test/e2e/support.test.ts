/**
 * Support that arrives, end to end: a purchaser signed in to a real sync server sends a support
 * request from Help; within 2 s their list says "Received by IT on <today>" and the admin console's
 * support inbox (a second browser) lists it with a count of new requests. The admin marks it
 * handled; the purchaser's list says "Handled by IT on <today>" and the count clears. Written
 * offline, a request says it will be sent when online, and is received once the device is back.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDay, toIsoDate } from '../../lib/dates';
import { MAYA, RILEY } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer, useDevices, type Device } from './harness/demo-server';
import { gotoSection } from './harness/extension';
import { signInFromSettings, syncLine, toast } from './harness/ui';
import { countIs, gone, textMatches, visible } from './harness/wait';

const demo = useDemoServer(1);
const [device] = useDevices(demo, 1) as [Device];
let options: Page;
let admin: AdminConsole;

const today = () => formatDay(toIsoDate(new Date()));
const SUBJECT = 'Licenses for the new Oslo office';
const MESSAGE = 'We open in January with 12 people. Which products should we buy for them?';

/** The purchaser's request with this subject in Help's list. */
const requestItem = (subject: string) => options.getByRole('list', { name: 'Your support requests' }).getByRole('listitem').filter({ hasText: subject });
/** The admin inbox's request with this subject. */
const inboxItem = (subject: string) => admin.page.getByRole('list', { name: 'Support requests' }).getByRole('listitem').filter({ hasText: subject });
const newCountBadge = () => admin.page.getByRole('navigation', { name: 'Console' }).locator('.count-badge');

async function sendRequest(subject: string, message: string): Promise<void> {
  const form = options.getByRole('form', { name: 'Contact support' });
  await form.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await form.getByRole('textbox', { name: 'Message' }).fill(message);
  await form.getByRole('button', { name: 'Submit' }).click();
  await textMatches(toast(options), 'Support request submitted. IT will reply to maya.okafor@northwind.example.');
}

describe('support requests reach IT', () => {
  test('a request sent from Help is received by IT within 2 s, on the purchaser’s side and in the admin inbox', async () => {
    options = await device.ext.openOptions('Settings');
    await signInFromSettings(options, device.link().url, demo.code(MAYA), 'Maya Okafor');
    admin = await demo.openAdminConsole(RILEY, 5);
    await countIs(newCountBadge(), 0);

    await gotoSection(options, 'Help');
    await textMatches(options.getByRole('region', { name: 'Contact support' }), 'Your request goes to your organization’s IT admins');
    await sendRequest(SUBJECT, MESSAGE);
    // From the click: the command, the WebSocket, the server's commit of both rooms, both pages' render.
    await textMatches(requestItem(SUBJECT), `Received by IT on ${today()}`, 2_000);
    await textMatches(newCountBadge(), /^1$/, 2_000);
    await textMatches(syncLine(options), 'All changes synced');

    await admin.page.getByRole('button', { name: 'Support inbox' }).click();
    await visible(admin.page.getByRole('heading', { name: 'Support inbox', level: 1 }));
    const item = inboxItem(SUBJECT);
    const text = await textMatches(item, 'New');
    for (const part of ['Maya Okafor', 'maya.okafor@northwind.example', MESSAGE, 'Received']) expect(text).toContain(part);
    await textMatches(admin.page.getByRole('status').filter({ hasText: 'handled' }), '1 new, 0 handled');

    expect(formatAxe(await seriousAxeViolations(admin.page))).toBe('');
    expect(formatAxe(await seriousAxeViolations(options))).toBe('');
  });

  test('the admin marks it handled: the purchaser sees when, and the count of new requests clears', async () => {
    await inboxItem(SUBJECT).getByRole('button', { name: 'Mark handled' }).click();
    await textMatches(requestItem(SUBJECT), `Handled by IT on ${today()}`, 2_000);
    await textMatches(inboxItem(SUBJECT), 'Handled');
    await gone(inboxItem(SUBJECT).getByRole('button', { name: 'Mark handled' }));
    await countIs(newCountBadge(), 0);
    await textMatches(admin.page.getByRole('status').filter({ hasText: 'handled' }), '0 new, 1 handled');
    // Focus stays with the request it acted on, not lost to the page.
    expect(await admin.page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain(SUBJECT);
    expect(admin.problems).toEqual([]);
  });

  test('written offline, a request says it will be sent when online, and is received once the device is back', async () => {
    device.link().cut();
    await textMatches(syncLine(options), /^Offline/, 20_000);
    await sendRequest('Invoice address for Oslo', 'Please send Oslo invoices to the new address.');
    await textMatches(requestItem('Invoice address for Oslo'), "Queued — will be sent when you're online");
    // The request sent earlier keeps what IT did.
    await textMatches(requestItem(SUBJECT), `Handled by IT on ${today()}`);

    device.link().restore();
    await textMatches(requestItem('Invoice address for Oslo'), `Received by IT on ${today()}`, 20_000);
    await textMatches(newCountBadge(), /^1$/);
    await textMatches(inboxItem('Invoice address for Oslo'), 'New');
  });
});
