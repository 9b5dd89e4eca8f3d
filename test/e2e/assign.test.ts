/**
 * Assign licenses: "Assign licenses" → "Assign licenses to users" pane → type a name, pick it from
 * the results → Assign. Up to 20 people at a time and no more than the free licenses ("Buy N more"
 * then); only people in the organization are offered; the results never cover the pane's actions.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtension } from './harness/extension';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { DEMO, describedErrorOf, dialog, popupCard, popupList, toast } from './harness/ui';
import { countIs, gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();

/** People of the demo directory who have no Contoso Chat license yet (persons 14–34). */
const UNLICENSED = [
  'Grace Liu', 'Mateo García', 'Olivia Brown', 'Yusuf Demir', 'Isabella Costa', 'Lucas Dubois', 'Zara Ahmed',
  'Henry Walsh', 'Mei Tanaka', 'Samuel Adeyemi', 'Emma Johansson', 'Omar Farouk', 'Lena Novak', 'Jack Thompson',
  'Aisha Bello', 'Felix Wagner', 'Nora Lindqvist', 'Ravi Krishnan', 'Camila Torres', 'Owen Davies', 'Ingrid Hansen',
];

async function openAssign(page: Page, product: string = DEMO.chat) {
  await popupList(page);
  await popupCard(page, product).getByRole('button', { name: 'Assign licenses', exact: true }).click();
  const pane = dialog(page, 'Assign licenses to users');
  await visible(pane);
  return { pane, input: pane.getByRole('combobox', { name: 'Name or email' }) };
}

async function pickPerson(page: Page, name: string) {
  const pane = dialog(page, 'Assign licenses to users');
  const input = pane.getByRole('combobox', { name: 'Name or email' });
  await input.fill(name);
  await pane.getByRole('option', { name: new RegExp(`^${name}`) }).click();
}

describe('assign licenses', () => {
  test('type a name, pick it, Assign: the person gets a license', async () => {
    const popup = await ext.openPopup();
    const { pane, input } = await openAssign(popup);
    await textMatches(pane, /Contoso Chat · Monthly · since \w{3} \d{1,2}, \d{4} · 88 licenses available/);

    await input.fill('grace');
    const option = pane.getByRole('option', { name: /Grace Liu/ });
    await visible(option);
    await textMatches(option, 'grace.liu@northwind.example');
    await option.click();
    await visible(pane.getByRole('list', { name: /Picked people \(1 of 20\)/ }));

    await pane.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(pane);
    await textMatches(toast(popup), 'Assigned a Contoso Chat license to Grace Liu');
    await textMatches(popupCard(popup, DEMO.chat), '13/100');
    await popup.close();
  });

  test('people who already have a license are not offered again', async () => {
    const popup = await ext.openPopup();
    const { pane, input } = await openAssign(popup);
    await input.fill('Grace');
    await textMatches(pane.getByRole('listbox'), 'No one in your organization matches');
    await countIs(pane.getByRole('option', { disabled: false }), 0);
    // Liam Fischer has had a license since the demo started.
    await input.fill('Liam');
    await textMatches(pane.getByRole('listbox'), 'No one in your organization matches');
    await popup.close();
  });

  test('someone outside the organization is never offered', async () => {
    const popup = await ext.openPopup();
    const { pane, input } = await openAssign(popup);
    // A real person first, so we know results do appear in this pane…
    await input.fill('Olivia');
    await visible(pane.getByRole('option', { name: /Olivia Brown/ }));
    // …then a name that is not in the Northwind Labs directory.
    await input.fill('Walter Outsider');
    await textMatches(pane.getByRole('listbox'), 'No one in your organization matches “Walter Outsider”');
    await new Promise((r) => setTimeout(r, 500)); // give a late result time to appear
    await countIs(pane.getByRole('option', { disabled: false }), 0);
    await input.fill('outsider@contoso.com');
    await textMatches(pane.getByRole('listbox'), 'No one in your organization matches');
    await countIs(pane.getByRole('option', { disabled: false }), 0);
    await textMatches(pane, 'You can only assign licenses to people in your organization.');
    await popup.close();
  });

  test('20 people at a time: the 21st is refused with a message, the 20 are assigned', async () => {
    const popup = await ext.openPopup();
    const { pane, input } = await openAssign(popup);
    const twenty = UNLICENSED.slice(1, 21);
    for (const name of twenty) await pickPerson(popup, name);
    await visible(pane.getByRole('list', { name: 'Picked people (20 of 20)' }));

    await input.fill('Hana');
    await pane.getByRole('option', { name: /Hana Kim/ }).click();
    await textMatches(pane, 'You can add up to 20 people at a time.');
    await countIs(pane.getByRole('list', { name: /Picked people/ }).getByRole('listitem'), 20);
    await countIs(pane.getByRole('button', { name: 'Remove Hana Kim' }), 0);

    await pane.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(pane);
    await textMatches(toast(popup), 'Assigned Contoso Chat licenses to 20 people');
    await textMatches(popupCard(popup, DEMO.chat), '33/100');
    await popup.close();
  });

  test('Assign with nobody picked says what to do, and the error goes once someone is picked', async () => {
    const popup = await ext.openPopup();
    const { pane, input } = await openAssign(popup);
    await pane.getByRole('button', { name: 'Assign', exact: true }).click();
    await textMatches(pane, 'Pick at least one person');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await pickPerson(popup, 'Hana Kim');
    await until(async () => (await input.getAttribute('aria-invalid')) === null, 'the error gone');
    expect(await describedErrorOf(input)).toBe('');
    await popup.close();
  });

  test('the list of results never covers Assign: with “no one matches” showing, Assign is clickable', async () => {
    const popup = await ext.openPopup();
    const { pane, input } = await openAssign(popup);
    await input.fill('Walter Outsider');
    const list = pane.getByRole('listbox');
    await textMatches(list, 'No one in your organization matches');
    const assign = pane.getByRole('button', { name: 'Assign', exact: true });
    const [a, b] = [(await list.boundingBox())!, (await assign.boundingBox())!];
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `list ${JSON.stringify(a)} covers Assign ${JSON.stringify(b)}`).toBe(false);
    // A real click at the button's centre lands on it (it is what the page hit-tests there).
    const hit = await assign.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(hit).toBe(true);
    await assign.click();
    await textMatches(pane, 'Pick at least one person');
    const problems = await seriousAxeViolations(popup);
    expect(problems, formatAxe(problems)).toEqual([]);
    await popup.close();
  });

  test('the picker stops at the free licenses; Buy 1 more buys one and comes back with the people picked', async () => {
    const popup = await ext.openPopup();
    // Fabrikam Design Studio: 10 licenses, 4 assigned, so 6 free.
    const { pane, input } = await openAssign(popup, DEMO.design);
    const six = UNLICENSED.slice(0, 6);
    for (const name of six) await pickPerson(popup, name);
    await textMatches(pane, '6 of 6 free licenses picked');
    await visible(pane.getByRole('list', { name: 'Picked people (6 of 6)' }));

    // A 7th is not added; the picker says why and offers the license.
    await input.fill('Zara');
    await pane.getByRole('option', { name: /Zara Ahmed/ }).click();
    await countIs(pane.getByRole('list', { name: /Picked people/ }).getByRole('listitem'), 6);
    await textMatches(pane, '6 of 6 free licenses picked. 1 more person needs a license');
    const problems = await seriousAxeViolations(popup);
    expect(problems, formatAxe(problems)).toEqual([]);
    await pane.getByRole('button', { name: 'Buy 1 more' }).click();

    const buy = dialog(popup, 'Buy licenses');
    await visible(buy);
    expect(await buy.getByRole('spinbutton', { name: 'Total licenses' }).inputValue()).toBe('11');
    await textMatches(buy, /Adding 1 license\b/);
    await textMatches(buy, /New price: \$[\d,]+\.\d\d per year incl\. tax/);
    await buy.getByRole('button', { name: 'Save' }).click();
    await textMatches(toast(popup), 'Added 1 license to Fabrikam Design Studio');

    // Back in the Assign pane with the six still picked, and room for one more.
    const again = dialog(popup, 'Assign licenses to users');
    await visible(again);
    await textMatches(again, '6 of 7 free licenses picked');
    await countIs(again.getByRole('list', { name: /Picked people/ }).getByRole('listitem'), 6);
    await pickPerson(popup, 'Zara Ahmed');
    await textMatches(again, '7 of 7 free licenses picked');
    await again.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(again);
    await textMatches(toast(popup), 'Assigned Fabrikam Design Studio licenses to 7 people');
    await textMatches(popupCard(popup, DEMO.design), '11/11');
    await popup.close();
  });

  test('from the console: Licenses → the product → Assign licenses', async () => {
    const page = await ext.openOptions('Licenses');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.chat }) });
    await textMatches(row, /33\s+67\s+100/); // assigned, available, total
    await row.getByRole('link', { name: DEMO.chat }).click();
    await visible(page.getByRole('heading', { level: 1, name: DEMO.chat }));
    await page.getByRole('button', { name: 'Assign licenses', exact: true }).click();

    const pane = dialog(page, 'Assign licenses to users');
    await pane.getByRole('combobox', { name: 'Name or email' }).fill('ines');
    await pane.getByRole('option', { name: /Ines Moreau/ }).click();
    await pane.getByRole('button', { name: 'Assign', exact: true }).click();
    await gone(pane);
    await textMatches(toast(page), 'Assigned a Contoso Chat license to Ines Moreau');
    await visible(page.getByRole('table').getByRole('rowheader', { name: 'Ines Moreau' }));
    await textMatches(page.locator('main'), '34 of 100 licenses assigned');
    await page.close();
  });
});
