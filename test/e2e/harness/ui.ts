/**
 * What a person sees in Seatkeeper's pages, found by role and accessible name (the names follow the
 * Microsoft 365 self-service purchase pages). Shared by the e2e test files.
 */
import type { Locator, Page } from 'playwright-core';
import { gone, textMatches, until, visible } from './wait';

/** The demo organization's subscriptions (lib/org/demo-seed.ts). */
export const DEMO = {
  chat: 'Contoso Chat', // 100 licenses, 12 assigned, monthly, active
  notes: 'Litware Notes', // 25 licenses, 8 assigned, annual, active
  design: 'Fabrikam Design Studio', // 10 licenses, 4 assigned, annual, active
  whiteboard: 'Tailspin Whiteboard', // 15 licenses, 6 assigned, canceled, still in its term
  pdf: 'Proseware PDF Editor', // 5 licenses, 2 assigned, expired
} as const;

/** The popup's list of subscription cards, once the demo data is there. */
export async function popupList(page: Page): Promise<Locator> {
  const list = page.getByRole('list', { name: 'Your subscriptions' });
  await visible(list, 20_000);
  return list;
}

/** One subscription card in the popup, by product name. */
export function popupCard(page: Page, product: string): Locator {
  return page
    .getByRole('list', { name: 'Your subscriptions' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: product, exact: true }) });
}

/** The product names of the popup's cards, top to bottom. */
export async function popupProductNames(page: Page): Promise<string[]> {
  const list = await popupList(page);
  return list.getByRole('listitem').getByRole('heading', { level: 2 }).allInnerTexts();
}

/** The open modal dialog with this name. */
export function dialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

/** The polite status region where confirmations appear ("Added 5 licenses to Contoso Chat"). */
export function toast(page: Page): Locator {
  return page.locator('.toast-region');
}

/** A popup card's "Buy licenses" pane: enters the new total, saves, and waits for the pane to close. */
export async function buyLicensesInPopup(page: Page, product: string, total: number): Promise<void> {
  await popupCard(page, product).getByRole('button', { name: 'Buy licenses' }).click();
  const pane = dialog(page, 'Buy licenses');
  await pane.getByRole('spinbutton', { name: 'Total licenses' }).fill(String(total));
  await pane.getByRole('button', { name: 'Save' }).click();
  await gone(pane);
}

/** The error shown under a form control, found through its aria-describedby (what a screen reader reads). */
export async function describedErrorOf(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((n): n is HTMLElement => !!n && /error/.test(n.className + n.id))
      .map((n) => n.textContent ?? '')
      .join(' ')
      .replace(/⚠\s*/g, '')
      .trim();
  });
}

/** The one-line sync status of a page ("All changes synced", "Offline — 2 changes waiting"). */
export function syncLine(page: Page): Locator {
  return page.locator('p.sync-status[role="status"]');
}

/** Settings › Sync: signs in to `serverUrl` with a one-time code, and waits until the account is named and in sync. */
export async function signInFromSettings(options: Page, serverUrl: string, code: string, name: string): Promise<void> {
  await options.getByRole('textbox', { name: 'Sync server URL' }).fill(serverUrl);
  await options.getByRole('textbox', { name: 'One-time code' }).fill(code);
  await options.getByRole('button', { name: 'Sign in' }).click();
  await visible(options.getByText(name, { exact: true }), 20_000);
  await textMatches(syncLine(options), 'All changes synced', 20_000);
}

/** Signs a device in from Settings and opens its popup once the account's subscriptions are there and in sync. */
export async function signInAndOpenPopup(ext: { openOptions(section: string): Promise<Page>; openPopup(): Promise<Page> }, serverUrl: string, code: string, name: string): Promise<Page> {
  const options = await ext.openOptions('Settings');
  await signInFromSettings(options, serverUrl, code, name);
  await options.close();
  const popup = await ext.openPopup();
  await popupList(popup);
  await textMatches(syncLine(popup), 'All changes synced');
  return popup;
}

/**
 * Waits until the people picker lists only matches for what was typed: results arrive per keystroke,
 * and a key pressed on an earlier keystroke's list would act on a list about to be replaced.
 */
export async function pickerShowsOnly(pane: Locator, pattern: RegExp): Promise<void> {
  await until(async () => {
    // Not the disabled "No one matches" line: it names the query too.
    const names = await pane.getByRole('option', { disabled: false }).allInnerTexts();
    return names.length > 0 && names.every((name) => pattern.test(name));
  }, `the picker to list only ${pattern}`);
}

/** The Buy pane's two steps: Review, then Buy on the review, the one click that charges. */
export async function reviewAndBuy(pane: Locator): Promise<void> {
  await pane.getByRole('button', { name: 'Review', exact: true }).click();
  await visible(pane.getByRole('heading', { name: 'Review your purchase' }));
  await pane.getByRole('button', { name: 'Buy', exact: true }).click();
}
