/**
 * Invoices: Bills & payments → Invoices, for the past 3 months, the past 6 months or a date range,
 * each naming its product and period; open one and download it as a PDF, read back with a real PDF
 * text extractor. Then signed in to the demo server: the list holds the organization's one series.
 */
import { readFileSync } from 'node:fs';
import { extractText } from 'unpdf';
import { describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { addMonths, toIsoDate } from '../../lib/dates';
import { demoOrg } from '../../lib/org/demo';
import { demoSeedChanges } from '../../lib/org/demo-seed';
import { MAYA } from '../server/fixture';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { describedErrorOf, dialog, signInFromSettings } from './harness/ui';
import { countIs, gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
const demo = useDemoServer(1);
const today = toIsoDate(new Date());

/** Issue days of the demo's invoices, as the demo seed writes them today. */
const seededDays = demoSeedChanges(demoOrg(), new Date().toISOString())
  .filter((c) => c.op === 'put' && c.collection === 'invoices')
  .map((c) => (c.op === 'put' ? String(c.fields.issuedOn) : ''));
const seededBetween = (from: string, to: string) => seededDays.filter((d) => d >= from && d <= to).length;

/** "Nov 26, 2026" → "2026-11-26". */
function isoOf(shown: string): string {
  const ms = Date.parse(`${shown} UTC`);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${shown}`);
  return new Date(ms).toISOString().slice(0, 10);
}

async function invoicesTab(): Promise<Page> {
  const page = await ext.openOptions('Bills & payments');
  await visible(page.getByRole('tab', { name: 'Invoices', selected: true }));
  return page;
}

/** The text of a downloaded file that must be a PDF: its header checked, its text extracted as a reader would. */
async function pdfText(download: Download): Promise<string> {
  const bytes = new Uint8Array(readFileSync(await download.path()));
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  return (await extractText(bytes, { mergePages: true })).text;
}

/** Opens the newest invoice listed and downloads its PDF; returns its number, total, product and text. */
async function downloadNewest(page: Page): Promise<{ number: string; total: string; product: string; text: string }> {
  const row = page.getByRole('table').getByRole('row').nth(1);
  const number = (await row.getByRole('rowheader').innerText()).trim();
  const cells = await row.getByRole('cell').allInnerTexts();
  const total = cells.join(' ').match(/-?\$[\d,]+\.\d\d/)![0];
  const product = cells[1]!.trim();
  await row.getByRole('button').click();
  const pane = dialog(page, `Invoice ${number}`);
  await visible(pane);
  const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  await textMatches(pane, `Downloaded ${number}.pdf`);
  return { number, total, product, text: await pdfText(download) };
}

/** Issue days of the invoices listed, top to bottom. */
async function listedDays(page: Page): Promise<string[]> {
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });
  const days: string[] = [];
  for (const row of await rows.all()) days.push(isoOf((await row.getByRole('cell').first().innerText()).trim()));
  return days;
}

describe('invoices', () => {
  test('past 3 months by default, then past 6 months shows more', async () => {
    expect(seededBetween(addMonths(today, -6), today)).toBeGreaterThan(seededBetween(addMonths(today, -3), today));
    const page = await invoicesTab();
    const period = page.getByRole('combobox', { name: 'Period' });
    expect(await period.locator('option:checked').innerText()).toBe('Past 3 months');
    await visible(page.getByRole('table'));

    const past3 = await listedDays(page);
    expect(past3.length).toBe(seededBetween(addMonths(today, -3), today));
    for (const day of past3) expect(day >= addMonths(today, -3) && day <= today, day).toBe(true);
    expect([...past3].sort().reverse()).toEqual(past3); // newest first

    await period.selectOption({ label: 'Past 6 months' });
    await until(async () => (await listedDays(page)).length > past3.length, 'more invoices for 6 months');
    const past6 = await listedDays(page);
    expect(past6.length).toBe(seededBetween(addMonths(today, -6), today));
    for (const day of past6) expect(day >= addMonths(today, -6), day).toBe(true);
    await page.close();
  });

  test('a date range shows the invoices issued between its two dates', async () => {
    const from = addMonths(today, -8);
    const to = addMonths(today, -4);
    const page = await invoicesTab();
    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Specify a date range' });
    await page.getByLabel('From').fill(from);
    await page.getByLabel('To').fill(to);
    const expected = seededBetween(from, to);
    expect(expected).toBeGreaterThan(0);
    await countIs(page.getByRole('table').getByRole('rowheader'), expected);
    for (const day of await listedDays(page)) expect(day >= from && day <= to, day).toBe(true);
    await page.close();
  });

  test('an end date before the start date is refused next to the field', async () => {
    const page = await invoicesTab();
    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Specify a date range' });
    await page.getByLabel('From').fill(addMonths(today, -2));
    await page.getByLabel('To').fill(addMonths(today, -5));
    const toField = page.getByLabel('To');
    await textMatches(page.locator('main'), 'Pick an end date on or after the start date');
    expect(await toField.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(toField)).toContain('Pick an end date on or after the start date');
    expect(await page.getByRole('table').count()).toBe(0);
    await page.close();
  });

  test('each invoice names its product and billing period', async () => {
    const page = await invoicesTab();
    const headers = await page.getByRole('table').getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['Invoice number', 'Date', 'Product', 'Billing period', 'Total', 'Status']);
    const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });
    for (const row of await rows.all()) {
      const [, product, period, , status] = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      expect(demoOrg().catalog.map((p) => p.name)).toContain(product);
      expect(period).toMatch(/^\w{3} \d{1,2}(, \d{4})? – \w{3} \d{1,2}, \d{4}$/);
      expect(['Paid', 'Credit']).toContain(status);
    }
    await page.close();
  });

  test('open an invoice and download it as a PDF with seller, buyer, lines, tax, total and card', async () => {
    const page = await invoicesTab();
    const first = page.getByRole('table').getByRole('rowheader').first();
    const number = (await first.innerText()).trim();
    expect(number).toMatch(/^SK-\d{6}$/);
    const total = (await page.getByRole('table').getByRole('row').nth(1).innerText()).match(/\$[\d,]+\.\d\d/)?.[0];
    await first.getByRole('button').click();

    const pane = dialog(page, `Invoice ${number}`);
    await visible(pane);
    await textMatches(pane, 'Billing period');
    await textMatches(pane, 'Northwind Labs main');
    await textMatches(pane, 'Paid with Visa ending 4242');
    await textMatches(pane.getByRole('group', { name: 'Totals' }), new RegExp(`Total\\s*\\${total}`));
    await textMatches(pane.getByRole('group', { name: 'Totals' }), 'Tax (8.25 %)');
    await page.keyboard.press('Escape');
    await gone(pane);

    const pdf = await downloadNewest(page);
    expect(pdf.number).toBe(number);
    expect(pdf.text).toContain(`Invoice ${number}`);
    expect(pdf.text).toContain(pdf.product);
    expect(pdf.text).toMatch(new RegExp(`Total \\(USD\\)\\s+\\${total}`));
    for (const printed of ['Relecloud Software, Inc.', 'Bill to', 'Northwind Labs main', '100 Harbor Way', 'Tax (8.25 %)', 'Paid with Visa ending 4242']) {
      expect(pdf.text).toContain(printed);
    }
    await page.close();
  });
});

describe('invoices of a signed-in purchaser', () => {
  test("show the organization's one number series, not the demo's", async () => {
    const settings = await ext.openOptions('Settings');
    await signInFromSettings(settings, demo.links[0]!.url, demo.code(MAYA), 'Maya Okafor');
    await settings.close();

    const page = await invoicesTab();
    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Past 6 months' });
    const numbers = page.getByRole('table').getByRole('rowheader');
    await countIs(numbers, seededBetween(addMonths(today, -6), today));
    for (const number of await numbers.allInnerTexts()) expect(number.trim()).toMatch(/^NL-\d{6}$/);
    await page.close();
  });

  test('download the newest as a PDF that names its number, total and product', async () => {
    const page = await invoicesTab();
    await visible(page.getByRole('table'));
    const list = await seriousAxeViolations(page);
    expect(list, formatAxe(list)).toEqual([]);

    const pdf = await downloadNewest(page);
    expect(pdf.number).toMatch(/^NL-\d{6}$/);
    expect(pdf.text).toContain(`Invoice ${pdf.number}`);
    expect(pdf.text).toContain(pdf.product);
    expect(pdf.text).toContain(pdf.total);
    expect(pdf.text).toContain('Paid with Visa ending 4242');
    const pane = await seriousAxeViolations(page);
    expect(pane, formatAxe(pane)).toEqual([]);
    await page.close();
  });
});
