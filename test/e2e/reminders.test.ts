/**
 * Renewal and expiry reminders from the service worker, in real Chromium: the demo's subscriptions
 * are reminded of 14 days ahead on first start; with the worker's clock set five days on, Tailspin
 * Whiteboard (canceled) ends in 3 days and its alarm raises exactly one more notification, the
 * toolbar badge counts what needs attention, a second alarm raises nothing, and neither does a
 * browser restart. Notifications are read through the extension's own notifications API.
 */
import type { Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { until } from '../fixtures/until';
import { useExtension } from './harness/extension';

const ext = useExtension();

/** The ids of the notifications the extension has raised and not cleared. */
const notificationIds = (worker: Worker) => worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
const badge = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

/** Fires the reminders alarm now (at the real clock) and waits until its check has run. */
async function fireReminderAlarm(worker: Worker): Promise<void> {
  await worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const chrome = (globalThis as unknown as { chrome: { alarms: { create(name: string, info: object): void; onAlarm: { addListener(f: (a: { name: string }) => void): void } } } }).chrome;
        const RealDate = (globalThis as unknown as { RealDate?: DateConstructor }).RealDate ?? Date;
        chrome.alarms.onAlarm.addListener((alarm) => {
          if (alarm.name === 'reminders') setTimeout(resolve, 500);
        });
        chrome.alarms.create('reminders', { when: RealDate.now() + 200 });
      }),
  );
}

describe('reminders', () => {
  test('one notification per subscription and reminder, from the alarm, counted on the badge, never again after a second alarm or a restart', async () => {
    let worker = await ext.serviceWorker();
    const first: string[] = await until(async () => {
      const ids = await notificationIds(worker);
      return ids.length >= 2 ? ids : undefined;
    }, 'the 14-day reminders of the demo’s renewals', 20_000);
    expect(first.map((id) => id.split('@')[0]).sort()).toEqual([expect.stringMatching(/^sub-chat:renewal:\d{4}-\d\d-\d\d:14$/), expect.stringMatching(/^sub-whiteboard:expiry:\d{4}-\d\d-\d\d:14$/)]);

    // Five days on: Whiteboard ends in 3 days, Chat renews in 7.
    await worker.evaluate(() => {
      const RealDate = Date;
      const offset = 5 * 24 * 60 * 60 * 1000;
      class ShiftedDate extends RealDate {
        constructor(...args: []) {
          super(...((args.length ? args : [RealDate.now() + offset]) as []));
        }
        static override now() {
          return RealDate.now() + offset;
        }
      }
      Object.assign(globalThis, { RealDate, Date: ShiftedDate });
    });
    await fireReminderAlarm(worker);
    const afterAlarm = await notificationIds(worker);
    const added = afterAlarm.filter((id) => !first.includes(id));
    expect(added.map((id) => id.split('@')[0])).toEqual([expect.stringMatching(/^sub-whiteboard:expiry:\d{4}-\d\d-\d\d:3$/)]);
    expect(await badge(worker)).toBe('2');

    await fireReminderAlarm(worker);
    expect((await notificationIds(worker)).sort()).toEqual([...afterAlarm].sort());

    await ext.restartBrowser();
    worker = await ext.serviceWorker();
    await until(async () => (await badge(worker)) !== undefined, 'the worker to start');
    await fireReminderAlarm(worker);
    expect((await notificationIds(worker)).every((id) => afterAlarm.includes(id))).toBe(true);
  });
});
