import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../../extension/background/background';
import { SeatkeeperDb } from '../../extension/store/db';
import { createReminders, reminderPage } from '../../extension/background/reminders';
import { sessionStorage } from '../../extension/background/session-storage';

/** Wakes the worker to renew the token and reconnect after Chrome stopped it; 1 minute is the shortest reliable period. */
const SYNC_ALARM = 'sync';
/** Wakes the worker for renewal and expiry reminders, with the popup closed. */
const REMINDER_ALARM = 'reminders';

export default defineBackground({
  type: 'module',
  main() {
    const { sync, service, db } = createBackground({
      db: new SeatkeeperDb(),
      sessions: sessionStorage,
      fetch: (url, init) => fetch(url, init),
      WebSocket,
      newId: () => crypto.randomUUID(),
    });
    // Answered through sendResponse (returning true) rather than a returned promise: both Chrome and
    // Firefox support it.
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      service.handle(message).then(sendResponse);
      return true;
    });
    const reminders = createReminders({
      db,
      now: () => new Date().toISOString(),
      platform: {
        async notify(id, reminder) {
          await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: reminder.title, message: reminder.message });
        },
        async setBadge(count) {
          await browser.action.setBadgeText({ text: count ? String(count) : '' });
          await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
        },
      },
    });
    // Listeners are added synchronously on every start, so an alarm that woke the worker is delivered.
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    void browser.alarms.create(REMINDER_ALARM, { periodInMinutes: 60 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM) void service.handle({ type: 'ready' }).then(() => sync.wake());
      if (alarm.name === REMINDER_ALARM) void service.handle({ type: 'ready' }).then(() => reminders.check());
    });
    browser.notifications.onClicked.addListener((id) => {
      void browser.tabs.create({ url: browser.runtime.getURL(reminderPage(id)) });
      void browser.notifications.clear(id);
    });
    void service.handle({ type: 'ready' }).then(() => {
      reminders.followBadge();
      return reminders.check();
    });
  },
});
