import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../../extension/background/background';
import { SeatkeeperDb } from '../../extension/store/db';
import { sessionStorage } from '../../extension/background/session-storage';

/** Wakes the worker to renew the token and reconnect after Chrome stopped it; 1 minute is the shortest reliable period. */
const SYNC_ALARM = 'sync';

export default defineBackground({
  type: 'module',
  main() {
    const { sync, service } = createBackground({
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
    // Listeners are added synchronously on every start, so an alarm that woke the worker is delivered.
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM) void service.handle({ type: 'ready' }).then(() => sync.wake());
    });
  },
});
