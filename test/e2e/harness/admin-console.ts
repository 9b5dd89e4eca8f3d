/**
 * The sync server's admin console (served at /admin) in its own headless Chromium: no extension,
 * as an IT admin opens it in a normal browser.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';
import { countIs, textMatches, visible } from './wait';

/** The controls a read-only console may have once signed in, by accessible name. */
export const ALLOWED_ADMIN_CONTROLS: ReadonlySet<string> = new Set([
  'input:Search',
  'select:Product',
  'select:Purchaser',
  'select:Status',
  'input:Expiring within 30 days',
  ...['Product', 'Purchaser', 'Licenses', 'Assigned', 'Unused', 'Renews or expires', 'Price per term', 'Status'].map((c) => `button:${c}`),
  'button:Export CSV',
  'button:Subscriptions',
  'button:Support inbox',
  // Views of the admins' own settings and notifications: their controls never touch purchasers' data.
  'button:Self-service',
  'button:Notifications',
  'button:Insights',
  'button:Sign out',
  'button:Close',
  'button:Activity',
  'button:Directory',
  'button:Export users',
  'input:Select all',
]);

/** Whether a control is one a read-only console may have: the allowed ones, and the boxes that tick a row for Export users. */
export function isAllowedAdminControl(control: string): boolean {
  return ALLOWED_ADMIN_CONTROLS.has(control) || /^input:Select .+ of .+$/.test(control);
}

/** The accessible kind and name of every control on the page, but those of a hidden view (the support inbox's, when it is not shown). */
export function adminControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, [contenteditable], a[href]')].filter((el) => !el.closest('[hidden]')).map((el) => {
      if (el instanceof HTMLButtonElement) {
        const own = [...el.childNodes].filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'));
        return `button:${own.map((n) => n.textContent).join('').trim()}`;
      }
      const label = (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '';
      return `${el.tagName.toLowerCase()}:${label}`;
    }),
  );
}

export interface AdminConsole {
  page: Page;
  /** Uncaught exceptions and console errors of the console's page. */
  problems: string[];
  /** The table's subscription rows. */
  rows(): Locator;
  /** The rows of one product. */
  rowsOf(product: string): Locator;
  /** Product → "assigned/licenses" of every row (products must be unique), to compare with a device. */
  licenseCounts(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Launches a browser, opens `${serverUrl}/admin`, signs in with `code` and waits until it is live with `expectedRows` rows. */
export async function openAdminConsole(serverUrl: string, code: string, expectedRows: number): Promise<AdminConsole> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems: string[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A failed load names no URL in its text: the location says which.
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
    });
    await page.goto(`${serverUrl}/admin`);
    await visible(page.getByRole('heading', { name: 'Sign in to the admin console' }));
    await page.getByLabel('One-time sign-in code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const rows = () => page.locator('tbody tr[data-key]');
    await countIs(rows(), expectedRows, 20_000);
    await textMatches(page.getByRole('status').filter({ hasText: /Live|Connecting|Reconnecting/ }), 'Live');
    return {
      page,
      problems,
      rows,
      rowsOf: (product) => rows().filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${product}$`) }) }),
      async licenseCounts() {
        const cells = await rows().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        return Object.fromEntries(cells.map(([product, , licenses, assigned]) => [product!, `${assigned}/${licenses}`]));
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
