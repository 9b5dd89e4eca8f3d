/**
 * Invoices: Bills & payments → Invoices, for the past 3 months, the past 6 months or a date range;
 * open one and download it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { addMonths, toIsoDate } from '../../lib/dates';
import { demoOrg } from '../../lib/org/demo';
import { demoSeedChanges } from '../../lib/org/demo-seed';
import { useExtension } from './harness/extension';
import { describedErrorOf, dialog } from './harness/ui';
import { countIs, textMatches, until, visible } from './harness/wait';

const ext = useExtension();
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

  test('open an invoice and download it', async () => {
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
    await textMatches(pane.getByRole('group', { name: 'Totals' }), new RegExp(`Total\\s*\\${total}`));

    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.txt`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain(`Invoice ${number}`);
    expect(text).toContain('Northwind Labs');
    expect(text).toMatch(new RegExp(`Total\\s+\\${total}`));
    await textMatches(pane, `Downloaded ${number}.txt`);
    await page.close();
  });
});
