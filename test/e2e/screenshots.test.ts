/**
 * Writes the README's screenshots: docs/screenshots/popup.png and docs/screenshots/options.png,
 * from the demo organization as a first-time user sees it.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness/extension';
import { SCREENSHOT_DIR } from './harness/paths';
import { DEMO, popupCard, popupList } from './harness/ui';
import { textMatches, until } from './harness/wait';

const ext = useExtension();

/** Stops the caret blinking and animations, so screenshots only change when the UI does. */
const STEADY = '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }';

describe('screenshots', () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  test('popup.png', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await textMatches(popupCard(popup, DEMO.chat), '12/100');
    await popup.addStyleTag({ content: STEADY });
    const path = join(SCREENSHOT_DIR, 'popup.png');
    await popup.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(5_000);
    await popup.close();
  });

  test('options.png', async () => {
    const page = await ext.openOptions('Your products');
    await textMatches(page.locator('main'), DEMO.chat);
    await page.addStyleTag({ content: STEADY });
    await until(() => page.evaluate(() => document.fonts.ready.then(() => true)), 'fonts');
    const path = join(SCREENSHOT_DIR, 'options.png');
    await page.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(5_000);
    await page.close();
  });
});
