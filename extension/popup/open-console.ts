import { browser } from 'wxt/browser';
import { href, type SectionKey } from '../options/router';

/** The console page a popup link points at: its address, for the link's `href`. */
export function consoleUrl(section?: SectionKey, ...parts: string[]): string {
  return browser.runtime.getURL(section ? `/options.html${href(section, ...parts)}` : '/options.html');
}

/**
 * A popup link's click: opens the console (at the link's page when it names one) and closes the
 * popup. `openOptionsPage` reuses an open console tab but drops the address's page, so a link to a
 * page opens a tab of its own.
 */
export function openConsole(e: Event) {
  e.preventDefault();
  const url = (e.currentTarget as HTMLAnchorElement).href;
  const opened = new URL(url).hash ? browser.tabs.create({ url }) : browser.runtime.openOptionsPage();
  void opened.then(() => window.close());
}
