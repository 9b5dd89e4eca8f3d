/**
 * The Firefox driver itself: a check that finds nothing is only worth something if it would find
 * something. consoleErrors() must see an extension page's uncaught exception and console.error()
 * and ignore other pages; click() must refuse a name that matches more than one control.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Firefox, ORIGIN, until } from './firefox';
import { openPopup } from './ui';

let ff: Firefox;

beforeAll(async () => {
  ff = await Firefox.launch();
});

afterAll(async () => {
  await ff?.close();
});

describe('Firefox driver', () => {
  test('consoleErrors() reports the extension’s errors and only those', async () => {
    await openPopup(ff);
    expect(await ff.consoleErrors()).toEqual([]);

    // Another tab (the first, blank one) is not the extension.
    const [blank] = await ff.marionette.getWindowHandles();
    const popup = await ff.marionette.getWindowHandle();
    await ff.marionette.switchToWindow(blank!);
    await ff.marionette.executeScript('console.error("probe: not the extension"); setTimeout(() => { throw new Error("probe: not ours") });');
    await ff.marionette.switchToWindow(popup);

    await ff.marionette.executeScript('console.error("probe: console.error"); setTimeout(() => { throw new Error("probe: uncaught") });');
    await until(async () => (await ff.consoleErrors()).length >= 2, 'the probes to reach the console');
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for anything else to show up
    const errors = await ff.consoleErrors();
    expect(errors.map((e) => e.message).sort()).toEqual(['Error: probe: uncaught', 'console.error: probe: console.error']);
    expect(errors.every((e) => e.source.startsWith(`${ORIGIN}/popup.html`))).toBe(true);
  });

  test('click() refuses an ambiguous name and says how many matched', async () => {
    await expect(ff.click('Buy licenses', { timeout: 1_000 })).rejects.toThrow(/^3 matches for something to click named Buy licenses/);
  });
});
