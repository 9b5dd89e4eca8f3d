/**
 * Acceptance 2 of the admin controls: a purchase made in the extension appears in the admin
 * console's notifications within 2 s with its price, counted unread and, once the admin turned
 * them on, shown as a desktop notification; opening the panel clears the count; the notification
 * and its read state survive a reload; what happened while the admin was away is unread when they
 * come back. The panel passes axe and works with the keyboard alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { MAYA, RILEY } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { DEMO, buyLicensesInPopup, dialog, popupList, reviewAndBuy, signInFromSettings, syncLine, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const BOUGHT = `Maya Okafor bought 3 licenses of ${DEMO.notes} — $18.00 / month`;

const ext = useExtension();
const demo = useDemoServer(0);
let admin: AdminConsole;
let options: Page;

const navButton = () => admin.page.getByRole('button', { name: /^Notifications/ });
const badge = () => navButton().locator('.count-badge');
const list = () => admin.page.getByRole('list', { name: 'Purchase notifications' });
/** What the page handed to the browser's Notification API, recorded by an init script. */
const desktopShown = () => admin.page.evaluate(() => (window as unknown as { shown?: string[] }).shown ?? []);

async function pressOn(name: string | RegExp): Promise<void> {
  await admin.page.getByRole('button', { name }).focus();
  await admin.page.keyboard.press('Enter');
}

describe('purchase notifications', () => {
  test('the admin turns desktop notifications on with the keyboard; nothing is unread yet', async () => {
    const settings = await ext.openOptions('Settings');
    await signInFromSettings(settings, demo.server.url, demo.code(MAYA), 'Maya Okafor');
    await settings.close();
    admin = await demo.openAdminConsole(RILEY, 5);
    const context = admin.page.context();
    await context.grantPermissions(['notifications'], { origin: demo.server.url });
    // Records each desktop notification (a headless browser shows none) and still creates it.
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      window.Notification = class extends Real {
        constructor(title: string, init?: NotificationOptions) {
          super(title, init);
          shown.push(init?.body ?? '');
        }
      } as typeof Notification;
    });
    await admin.page.reload();
    await textMatches(admin.page.getByRole('status').filter({ hasText: /Live|Connecting|Reconnecting/ }), 'Live');

    await pressOn(/^Notifications/);
    await visible(admin.page.getByRole('heading', { name: 'Notifications', level: 1 }));
    await textMatches(admin.page.getByRole('status').filter({ hasText: /unread/ }).first(), '0 unread');
    expect(await badge().count()).toBe(0);
    const toggle = admin.page.getByRole('checkbox', { name: 'Desktop notifications' });
    await toggle.focus();
    await admin.page.keyboard.press('Space');
    await until(() => toggle.isChecked(), 'desktop notifications on');
    await textMatches(admin.page.locator('#desktop-hint'), /^On\./);
    expect(formatAxe(await seriousAxeViolations(admin.page))).toBe('');
    await pressOn('Subscriptions');
  });

  test('a purchase in the extension appears within 2 s with its price, unread, and on the desktop', async () => {
    options = await ext.openOptions('Your products');
    await options.getByRole('button', { name: 'Buy a subscription' }).click();
    const buy = dialog(options, 'Buy a subscription');
    await buy.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.notes });
    await buy.getByRole('spinbutton', { name: 'Licenses' }).fill('3');
    await reviewAndBuy(buy);
    await gone(buy);
    const boughtAt = Date.now();
    await textMatches(toast(options), `Bought 3 licenses of ${DEMO.notes}`);
    await textMatches(badge(), /^1$/, 2_000);
    expect(Date.now() - boughtAt).toBeLessThan(2_000);
    await textMatches(admin.page.locator('#notifications-unread'), '1 unread notification');
    await until(async () => (await desktopShown()).includes(BOUGHT), 'the desktop notification');
    expect(await desktopShown()).toEqual([BOUGHT]);
  });

  test('opening the panel reads it: the count clears, the notification is listed newest first and marked new', async () => {
    await pressOn(/^Notifications/);
    const first = list().getByRole('listitem').first();
    await textMatches(first, BOUGHT);
    await textMatches(first, 'New');
    await gone(badge());
    await textMatches(admin.page.getByRole('status').filter({ hasText: /unread/ }).first(), '0 unread');
    expect(formatAxe(await seriousAxeViolations(admin.page))).toBe('');
  });

  test('after a reload the notification is still there, and still read', async () => {
    await admin.page.reload();
    await textMatches(list(), BOUGHT, 20_000);
    await textMatches(admin.page.getByRole('status').filter({ hasText: /unread/ }).first(), '0 unread');
    expect(await badge().count()).toBe(0);
    expect(await list().getByText('New', { exact: true }).count()).toBe(0);
  });

  test('what happened while the admin was away is unread when they come back', async () => {
    const consoleUrl = admin.page.url().replace(/#.*$/, '');
    await admin.page.goto('about:blank');
    const popup = await ext.openPopup();
    await popupList(popup);
    await buyLicensesInPopup(popup, DEMO.design, 12);
    await textMatches(syncLine(popup), 'All changes synced');

    await admin.page.goto(consoleUrl);
    await textMatches(badge(), /^1$/, 20_000);
    await pressOn(/^Notifications/);
    const first = list().getByRole('listitem').first();
    await textMatches(first, `Maya Okafor added 2 licenses of ${DEMO.design}, now 12 — $5,400.00 / year`);
    await textMatches(first, 'New');
    await gone(badge());
    // It happened while the console was closed: no desktop notification for it.
    expect(await desktopShown()).toEqual([]);

    // One arriving while the panel is open is unread until Mark all read.
    await buyLicensesInPopup(popup, DEMO.design, 13);
    await textMatches(badge(), /^1$/);
    await pressOn('Mark all read');
    await gone(badge());
    await textMatches(admin.page.getByRole('status').filter({ hasText: /unread/ }).first(), '0 unread');
    expect(await desktopShown()).toEqual([`Maya Okafor added 1 license of ${DEMO.design}, now 13 — $5,850.00 / year`]);
    await popup.close();
    expect(admin.problems).toEqual([]);
  });
});
