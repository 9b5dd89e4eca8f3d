/**
 * What a person sees in Seatkeeper's pages, for the Firefox tests: the same names and steps as the
 * Chromium harness (../harness/ui.ts), through the Marionette driver in ./firefox.ts.
 */
import { dialog, type Firefox, type Scope } from './firefox';

export { DEMO } from '../harness/ui';

/** A popup subscription card, by product name (the card is labelled by its heading). */
export const card = (product: string): Scope => ({ selector: 'ul.sub-list > li', name: product });
/** The polite region where confirmations appear ("Added 5 licenses to Contoso Chat"). */
export const toast: Scope = { selector: '.toast-region' };
/** The one-line sync status of a page ("All changes synced", "Local only — …"). */
export const syncLine: Scope = { selector: 'p.sync-status[role="status"]' };
/** The console's left navigation. */
export const nav: Scope = { selector: 'nav', name: 'Seatkeeper' };

/** popup.html in a new tab, once its subscription cards are there. */
export async function openPopup(ff: Firefox): Promise<void> {
  await ff.openExtensionPage('popup.html');
  await ff.waitFor({ selector: 'ul.sub-list[aria-label="Your subscriptions"] > li' }, 20_000);
}

/** options.html in a new tab; with `section`, picked in the navigation like a person would. */
export async function openOptions(ff: Firefox, section?: string): Promise<void> {
  await ff.openExtensionPage('options.html');
  await ff.waitFor(nav, 20_000);
  if (section) await gotoSection(ff, section);
}

/** Clicks the console's navigation link `section` and waits for that page's heading. */
export async function gotoSection(ff: Firefox, section: string): Promise<void> {
  await ff.click(section, { within: nav });
  await ff.waitForText(new RegExp(`^\\s*${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), { within: { selector: 'main h1' } });
}

/** A popup card's "Buy licenses" pane: enters the new total, saves, and waits for the pane to close. */
export async function buyLicensesInPopup(ff: Firefox, product: string, total: number): Promise<void> {
  await ff.click('Buy licenses', { within: card(product) });
  const pane = dialog('Buy licenses');
  await ff.fill('Total licenses', String(total), { within: pane });
  await ff.click('Save', { within: pane });
  await ff.waitForGone(pane);
}
