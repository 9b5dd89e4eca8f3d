/**
 * Insights against the real demo server: the demo's Contoso Chat (100 licenses, 12 assigned,
 * $12.50 a month each) shows its 88 unused licenses and their monthly cost in the popup, the
 * console and the admin console; "Remove unused licenses" proposes 12, its confirmed reduction is
 * credited and the admin console follows live. The spend chart's table equals the invoices table
 * summed by month, and axe finds nothing serious on the new views.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addMonths, toIsoDate } from '../../lib/dates';
import { MAYA, RILEY } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer } from './harness/demo-server';
import { gotoSection, useExtension } from './harness/extension';
import { DEMO, dialog, popupCard, signInAndOpenPopup, toast } from './harness/ui';
import { countIs, gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const demo = useDemoServer(1);
const CHAT_WASTE = '88 unused licenses — $1,100.00 a month';
let popup: Page;
let options: Page;
let admin: AdminConsole;
let credit = '';

/** "$1,234.56" or "-$1,234.56" → 123456. */
function cents(text: string): number {
  const match = text.match(/(-?)\$([\d,]+)\.(\d\d)/);
  if (!match) throw new Error(`Not an amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]));
}

const adminChatUnused = () => admin.rowsOf(DEMO.chat).locator('td').nth(4);

async function noSeriousAxe(page: Page, context?: string) {
  expect(formatAxe(await seriousAxeViolations(page, context))).toBe('');
}

describe('unused licenses', () => {
  test('the popup shows Contoso Chat’s unused licenses and their monthly cost, and the total waste at the top', async () => {
    popup = await signInAndOpenPopup(ext, demo.links[0]!.url, demo.code(MAYA), 'Maya Okafor');
    await textMatches(popupCard(popup, DEMO.chat), CHAT_WASTE);
    const total = await textMatches(popup.locator('.popup-waste'), /^You pay for [\d,]+ unused licenses — \$[\d,]+\.\d\d a month$/);
    expect(cents(total)).toBeGreaterThan(110_000);
    // The expired Proseware PDF Editor wastes nothing any more.
    expect(await popupCard(popup, DEMO.pdf).innerText()).not.toContain('unused');
    await noSeriousAxe(popup);
  });

  test('the console’s products table and the admin console show the same figures for that purchaser', async () => {
    options = await ext.openOptions('Your products');
    const row = options.getByRole('row').filter({ has: options.getByRole('rowheader', { name: DEMO.chat, exact: true }) });
    await textMatches(row, /88 unused\s*licenses\s+\$1,100\.00 a month\s+\$13,200\.00 a year/);
    await visible(row.getByRole('button', { name: 'Remove unused licenses' }));
    await noSeriousAxe(options);

    admin = await demo.openAdminConsole(RILEY, 5);
    await textMatches(adminChatUnused(), /^88\s*\$1,100\.00 a month$/);
    await textMatches(admin.page.locator('.waste-list'), /Maya Okafor: [\d,]+ unused licenses — \$[\d,]+\.\d\d a month/);
    await textMatches(admin.page.locator('.waste-total'), /^Your organization pays for [\d,]+ unused licenses/);
    // The Unused column sorts by what the unused licenses cost: Contoso Chat's $1,100.00 a month is the most.
    await admin.page.getByRole('button', { name: 'Unused' }).click();
    await admin.page.getByRole('button', { name: 'Unused' }).click();
    await until(async () => (await admin.rows().first().locator('td').first().innerText()) === DEMO.chat, 'Contoso Chat first by unused cost');
    await noSeriousAxe(admin.page);
  });

  test('“Remove unused licenses” proposes the assigned count; the confirmed reduction is credited and the admin console follows live', async () => {
    await popupCard(popup, DEMO.chat).getByRole('button', { name: 'Remove unused licenses' }).click();
    const pane = dialog(popup, 'Remove licenses');
    expect(await pane.getByRole('spinbutton', { name: 'Total licenses' }).inputValue()).toBe('12');
    const preview = await textMatches(pane.locator('.preview'), /Removing 88 licenses[\s\S]*Credited today for the \d+ days? left in this term: \$[\d,]+\.\d\d incl\. tax/);
    credit = preview.match(/Credited today[^$]*(\$[\d,]+\.\d\d)/)![1]!;
    await pane.getByRole('button', { name: 'Save' }).click();
    await gone(pane);
    await textMatches(toast(popup), `Removed 88 licenses from ${DEMO.chat}`);
    await textMatches(popupCard(popup, DEMO.chat), /12\/12\s+licenses assigned/);
    expect(await popupCard(popup, DEMO.chat).innerText()).not.toContain('unused');

    await textMatches(adminChatUnused(), /^0$/, 10_000);
    expect(await admin.rowsOf(DEMO.chat).locator('td').nth(2).innerText()).toBe('12');

    // The server's credit note for it, in Bills & payments.
    await gotoSection(options, 'Bills & payments');
    const creditRow = options.getByRole('row').filter({ hasText: DEMO.chat }).filter({ hasText: 'Credit' }).filter({ hasText: `-${credit}` });
    await until(async () => (await creditRow.count()) === 1, `a credit of -${credit} for ${DEMO.chat}`, 20_000);
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Nov 2026" → "2026-11". */
function monthOf(label: string): string {
  const [name, year] = label.trim().split(' ');
  return `${year}-${String(MONTHS.indexOf(name!) + 1).padStart(2, '0')}`;
}

/** Month (`2026-11`) → the spend table's total for it, from its rows. */
async function spendTable(table: Locator): Promise<Record<string, number>> {
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!, tr.lastElementChild!.textContent!]));
  return Object.fromEntries(rows.map(([month, total]) => [monthOf(month!), cents(total!)]));
}
let consoleSpend: Record<string, number> = {};

describe('spend over time', () => {
  test('the console’s chart has a bar per month and a table that equals the invoices table summed by month', async () => {
    await options.getByRole('tab', { name: 'Spend over time' }).click();
    const table = options.getByRole('table', { name: /Invoiced per month, past 12 months/ });
    await visible(table);
    await countIs(table.locator('tbody tr'), 12);
    const months = await spendTable(table);
    consoleSpend = months;
    expect(Object.values(months).filter(Boolean).length).toBeGreaterThan(3);
    // Totals are readable as text above the bars, too.
    const labels = await options.locator('.spend-bars .spend-total').allTextContents();
    expect(labels.filter(Boolean).map(cents)).toEqual(Object.values(months).filter(Boolean));
    await noSeriousAxe(options);

    await options.getByRole('tab', { name: 'Invoices' }).click();
    const today = toIsoDate(new Date());
    await options.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Specify a date range' });
    await options.getByLabel('From').fill(`${addMonths(today, -11).slice(0, 7)}-01`);
    await options.getByLabel('To').fill(today);
    const invoiceRows = options.getByRole('table').getByRole('row').filter({ has: options.getByRole('rowheader') });
    await until(async () => (await invoiceRows.count()) > 0, 'the invoices of the past 12 months');
    const summed: Record<string, number> = Object.fromEntries(Object.keys(months).map((m) => [m, 0]));
    for (const row of await invoiceRows.all()) {
      const [date, , , total] = await row.getByRole('cell').allInnerTexts();
      const [name, , year] = date!.trim().replace(',', '').split(' ');
      const month = monthOf(`${name} ${year}`);
      summed[month] = (summed[month] ?? 0) + cents(total!);
    }
    expect(summed).toEqual(months);
  });

  test('the console’s upcoming renewals list Contoso Chat’s next renewal with the month’s total', async () => {
    await gotoSection(options, 'Your products');
    await options.getByRole('tab', { name: 'Upcoming renewals' }).click();
    const renewals = options.locator('.renewals');
    await textMatches(renewals, new RegExp(`${DEMO.chat}\\s+12\\s+\\$150\\.00`));
    expect(await renewals.innerText()).not.toContain(DEMO.whiteboard); // canceled: it ends, it does not renew
    await visible(options.getByRole('heading', { level: 3, name: /^\w+ \d{4} — \$[\d,]+\.\d\d/ }).first());
    await noSeriousAxe(options);
  });

  test('the admin console’s insights: the organization’s renewals and spend, the same months, filterable', async () => {
    await admin.page.getByRole('button', { name: 'Insights' }).click();
    await textMatches(admin.page.locator('.renewals'), new RegExp(`${DEMO.chat}\\s+Maya Okafor\\s+12\\s+\\$150\\.00`));
    const table = admin.page.getByRole('table', { name: /Invoiced per month, past 12 months/ });
    await countIs(table.locator('tbody tr'), 12, 20_000);
    // The demo organization has one purchaser: all of the organization's spend is hers, as her console shows it.
    await until(async () => JSON.stringify(await spendTable(table)) === JSON.stringify(consoleSpend), 'the organization’s spend, as Maya’s console shows it', 20_000);
    await admin.page.getByRole('combobox', { name: 'Purchaser' }).selectOption({ label: 'Maya Okafor' });
    expect(await spendTable(table)).toEqual(consoleSpend);
    await admin.page.getByRole('combobox', { name: 'Product' }).selectOption({ label: DEMO.chat });
    await until(async () => (await table.getByRole('columnheader').allInnerTexts()).join('|') === `Month|${DEMO.chat}|Total`, 'Contoso Chat’s column alone');
    await noSeriousAxe(admin.page);
    expect(admin.problems).toEqual([]);
  });
});
