/**
 * The admin console against a real sync server process: sign in with a one-time admin code, see
 * the demo purchaser's subscriptions, watch a purchaser's change arrive live, find nothing that
 * edits, export the filtered table, pass axe.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SUMMARY_CSV_HEADER } from '../../lib/admin/summary-csv';
import { applyChanges } from '../../lib/doc/apply';
import { demoOrg } from '../../lib/org/demo';
import { connectSynced, mint, startServer, tempDataDir, withAdmin, type Client, type ServerProcess } from '../server/harness';
import { MAYA, ORG, RILEY, room } from '../server/fixture';
import { adminControls, isAllowedAdminControl } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { CHROMIUM } from './harness/paths';
import { countIs, textMatches, until, visible } from './harness/wait';

const DEMO_PRODUCTS = ['Contoso Chat', 'Litware Notes', 'Fabrikam Design Studio', 'Tailspin Whiteboard', 'Proseware PDF Editor'];
const DESIGN_ROW = 'tr[data-key="person-01/sub-design"]';

let data: ReturnType<typeof tempDataDir>;
let server: ServerProcess;
let browser: Browser;
let page: Page;
let purchaser: Client | undefined;
let adminCode: string;
let purchaserCode: string;
let spareCodes: { admin: string; purchaser: string };
const pageProblems: string[] = [];

beforeAll(async () => {
  data = tempDataDir();
  withAdmin(data.dir, (admin) => {
    admin.seedDemo();
    const code = (who: typeof MAYA) => admin.createSignInCode(ORG, who.personId);
    [adminCode, purchaserCode] = [code(RILEY), code(MAYA)];
    spareCodes = { admin: code(RILEY), purchaser: code(MAYA) };
  });
  server = await startServer(data.dir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console.error: ${message.text()}`);
  });
});

afterAll(async () => {
  purchaser?.destroy();
  await browser?.close();
  await server?.kill();
  data?.remove();
});

const rows = () => page.locator('tbody tr[data-key]');

async function signInWithCode(code: string): Promise<Response> {
  return fetch(`${server.url}/api/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
}

describe('admin console', () => {
  it('is served with a strict CSP and nosniff, and only from its build', async () => {
    const response = await fetch(`${server.url}/admin/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}/admin/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('signs in with a one-time admin code and lists the demo purchaser’s subscriptions', async () => {
    await page.goto(`${server.url}/admin`);
    await visible(page.getByRole('heading', { name: 'Sign in to the admin console' }));
    expect(formatAxe(await seriousAxeViolations(page))).toBe('');

    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    await page.getByLabel('One-time sign-in code').fill(adminCode);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await countIs(rows(), DEMO_PRODUCTS.length);
    const table = await textMatches(page.locator('tbody'), 'Maya Okafor');
    for (const product of DEMO_PRODUCTS) expect(table).toContain(product);
    await textMatches(page.getByRole('status').filter({ hasText: /Live|Connecting|Reconnecting/ }), 'Live');
    await textMatches(page.locator('header'), 'Riley Chen');
    // One connection each to the organization room (its catalog), the summary room and the support inbox, however many purchasers the organization has.
    expect(sockets.sort()).toEqual([`/org/${ORG}`, `/summary/${ORG}`, `/support/${ORG}`]);
    expect(await page.evaluate(() => sessionStorage.getItem('seatkeeper-admin-session'))).toContain('"role":"admin"');
  });

  it('stays signed in across a reload of the tab', async () => {
    await page.reload();
    await countIs(rows(), DEMO_PRODUCTS.length);
    await textMatches(page.getByRole('status').filter({ hasText: /Live|Connecting|Reconnecting/ }), 'Live');
  });

  it('shows a purchaser’s change live, without a reload', async () => {
    const signIn = await signInWithCode(purchaserCode);
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    purchaser = await connectSynced(server.wsUrl, room.purchaser(MAYA), accessToken);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const licenses = page.locator(`${DESIGN_ROW} td`).nth(2);
    expect(await licenses.innerText()).toBe('10');

    applyChanges(purchaser.doc, [{ op: 'put', collection: 'subscriptions', id: 'sub-design', fields: { licenses: 42 } }], null);
    await textMatches(licenses, /^42$/, 2_000);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('opens a row’s assigned users with Enter and closes them again', async () => {
    const design = purchaser!.doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-design')!;
    const holders = Object.keys((design.get('assigned') as Y.Map<unknown>).toJSON());
    const names = holders.map((id) => demoOrg().directory.find((p) => p.id === id)!.displayName);
    expect(names.length).toBeGreaterThan(0);

    await page.locator(DESIGN_ROW).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Fabrikam Design Studio' });
    const people = await textMatches(panel.getByRole('list'), names[0]!);
    for (const name of names) expect(people).toContain(name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    // Prices are labelled as everywhere else; term and start tell it from another of the product.
    await textMatches(panel, /Annual · since \w{3} \d{1,2}, \d{4}, \$[\d,]+\.\d\d per license per year before tax/);
    await textMatches(page.locator(DESIGN_ROW), /per year before tax/);
    expect(formatAxe(await seriousAxeViolations(page))).toBe('');

    const unexpected = (await adminControls(page)).filter((control) => !isAllowedAdminControl(control));
    expect(unexpected).toEqual([]);

    await page.keyboard.press('Escape');
    await countIs(panel, 0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('person-01/sub-design');
  });

  it('filters, searches and sorts', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Expired' });
    await countIs(rows(), 1);
    await textMatches(rows(), 'Proseware PDF Editor');
    await page.getByLabel('Status').selectOption({ label: 'All statuses' });
    await page.getByLabel('Search', { exact: true }).fill('whiteboard');
    await countIs(rows(), 1);
    await page.getByLabel('Search', { exact: true }).fill('');
    await countIs(rows(), DEMO_PRODUCTS.length);

    const header = page.locator('th', { has: page.getByRole('button', { name: 'Licenses' }) });
    await page.getByRole('button', { name: 'Licenses' }).click();
    await page.getByRole('button', { name: 'Licenses' }).click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await textMatches(rows().first(), 'Contoso Chat');
  });

  it('exports the filtered table as CSV', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Active' });
    await until(async () => (await rows().count()) < DEMO_PRODUCTS.length, 'the status filter to apply');
    const shown = await rows().locator('td:first-child').allInnerTexts();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^seatkeeper-subscriptions-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe(SUMMARY_CSV_HEADER.join(','));
    expect(lines.at(-1)).toBe('');
    const records = lines.slice(1, -1);
    expect(records.map((line) => line.split(',')[0])).toEqual(shown);
    expect(records.find((line) => line.startsWith('Fabrikam Design Studio,Maya Okafor,42,'))).toBeDefined();
    // The Unused column as the table shows it: 88 of Contoso Chat's 100 licenses, $12.50 a month each.
    expect(records.find((line) => line.startsWith('Contoso Chat,Maya Okafor,100,12,88,1100.00,'))).toBeDefined();
  });

  it('signs out, forgetting the tokens', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('heading', { name: 'Sign in to the admin console' }));
    expect(await page.evaluate(() => sessionStorage.getItem('seatkeeper-admin-session'))).toBeNull();
    expect(pageProblems).toEqual([]);
  });

  it('refuses a purchaser’s code without using it, and says where purchasers sign in', async () => {
    await page.getByLabel('One-time sign-in code').fill(spareCodes.purchaser);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await textMatches(page.getByRole('alert'), 'This code is for a purchaser, who signs in from the Seatkeeper extension');
    expect(await page.evaluate(() => sessionStorage.getItem('seatkeeper-admin-session'))).toBeNull();
    // The browser logs the refused request itself; that one is expected.
    const refusedRequest = pageProblems.findIndex((problem) => /status of 403/.test(problem));
    if (refusedRequest >= 0) pageProblems.splice(refusedRequest, 1);
    // The code still signs the purchaser in, as the extension does (no role asked).
    expect((await signInWithCode(spareCodes.purchaser)).status).toBe(200);
  });

  it('renews an expired access token with the refresh token and goes live again', async () => {
    const reply = (await (await signInWithCode(spareCodes.admin)).json()) as { accessToken: string; refreshToken: string };
    const expired = { ...reply, accessToken: await mint(data.dir, RILEY, Date.now() - 20 * 60_000), expiresAt: new Date(Date.now() - 5 * 60_000).toISOString() };
    await page.evaluate((session) => sessionStorage.setItem('seatkeeper-admin-session', JSON.stringify(session)), expired);
    await page.reload();
    await countIs(rows(), DEMO_PRODUCTS.length);
    await textMatches(page.getByRole('status').filter({ hasText: /Live|Connecting|Reconnecting/ }), 'Live');
    const renewed = JSON.parse((await page.evaluate(() => sessionStorage.getItem('seatkeeper-admin-session')))!) as typeof reply;
    expect(renewed.accessToken).not.toBe(expired.accessToken);
    expect(renewed.refreshToken).not.toBe(reply.refreshToken);
    expect(pageProblems).toEqual([]);
  });
});
