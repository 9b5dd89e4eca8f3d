import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

/**
 * The system Chromium, headless, with one unpacked extension loaded and nothing else reaching the
 * network on its own (updates, sync, component downloads): for the e2e harness and the benchmarks.
 */
export function launchWithExtension(profileDir: string, extensionDir: string, viewport?: { width: number; height: number }, extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Runs `source` in `page` before the page's own scripts, from its next navigation on; detach the
 * session it returns to stop. Playwright's addInitScript skips extension pages; the DevTools
 * protocol's own call does not.
 */
export async function runBeforePageScripts(page: Page, source: string): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source });
  return cdp;
}
