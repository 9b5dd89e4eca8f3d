/**
 * Accessibility: axe finds no serious or critical problem on the popup (also with a pane open) and
 * on each section of the console; assigning a license works with the keyboard alone.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';
import { DEMO, dialog, pickerShowsOnly, popupCard, popupList, toast } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();

export const SECTIONS = ['Your products', 'Licenses', 'Billing accounts', 'Bills & payments', 'Help', 'Settings'];

/** What has focus, as a screen reader would name it: role, accessible name, and inside which card. */
async function focused(page: Page): Promise<{ tag: string; name: string; card: string; role: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const card = el?.closest('li.sub-card, [aria-labelledby]');
    const labelledBy = card?.getAttribute('aria-labelledby');
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      role: el?.getAttribute('role') ?? '',
      name: (el?.getAttribute('aria-label') || el?.textContent || '').trim(),
      card: labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '',
    };
  });
}

/** Presses Tab until the focused element satisfies `want` (at most `max` times). */
async function tabTo(page: Page, want: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (want(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('axe: no serious or critical violations', () => {
  test('popup', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const problems = await seriousAxeViolations(popup);
    expect(problems, formatAxe(problems)).toEqual([]);
    await popup.close();
  });

  test('popup with the Assign licenses to users pane open', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await popupCard(popup, DEMO.chat).getByRole('button', { name: 'Assign licenses', exact: true }).click();
    const pane = dialog(popup, 'Assign licenses to users');
    await pane.getByRole('combobox', { name: 'Name or email' }).fill('gr');
    await visible(pane.getByRole('option').first());
    const problems = await seriousAxeViolations(popup);
    expect(problems, formatAxe(problems)).toEqual([]);
    await popup.close();
  });

  for (const section of SECTIONS) {
    test(`console: ${section}`, async () => {
      const page = await ext.openOptions(section);
      await until(async () => (await page.locator('main').innerText()).trim().length > 40, `${section} content`);
      const problems = await seriousAxeViolations(page);
      expect(problems, formatAxe(problems)).toEqual([]);
      await page.close();
    });
  }
});

describe('axe: panes of the console', () => {
  const panes: [string, string | RegExp, (page: Page) => Promise<void>][] = [
    ['Your products', 'Buy a subscription', async (page) => {
      await page.getByRole('button', { name: 'Buy a subscription' }).click();
    }],
    ['Your products', 'Cancel subscription', async (page) => {
      await page.getByRole('button', { name: `More actions for ${DEMO.chat}` }).click();
      await page.getByRole('menuitem', { name: 'Cancel subscription' }).click();
    }],
    ['Your products', 'Remove licenses', async (page) => {
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.chat, exact: true }) });
      await row.getByRole('button', { name: 'Remove licenses' }).click();
      await dialog(page, 'Remove licenses').getByRole('spinbutton', { name: 'Total licenses' }).fill('5');
      await dialog(page, 'Remove licenses').getByRole('button', { name: 'Save' }).click();
      await textMatches(dialog(page, 'Remove licenses'), 'people have licenses'); // with its error showing
    }],
    ['Bills & payments', 'Add a payment method', async (page) => {
      await page.getByRole('tab', { name: 'Payment methods' }).click();
      await page.getByRole('button', { name: 'Add a payment method' }).click();
      await dialog(page, 'Add a payment method').getByRole('button', { name: 'Save' }).click();
      await textMatches(dialog(page, 'Add a payment method'), 'Enter the card number');
    }],
    ['Bills & payments', /^Invoice SK-/, async (page) => {
      await page.getByRole('table').getByRole('rowheader').first().getByRole('button').click();
    }],
  ];
  for (const [section, pane, open] of panes) {
    test(`${section} → ${typeof pane === 'string' ? pane : 'an invoice'}`, async () => {
      const page = await ext.openOptions(section);
      await open(page);
      await visible(dialog(page, pane));
      const problems = await seriousAxeViolations(page);
      expect(problems, formatAxe(problems)).toEqual([]);
      await page.close();
    });
  }
});

describe('keyboard only', () => {
  test('assign a license without the mouse', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await popup.locator('body').focus();

    await tabTo(popup, (f) => f.name === 'Assign licenses' && f.card === DEMO.chat, 'Assign licenses of Contoso Chat');
    await popup.keyboard.press('Enter');
    const pane = dialog(popup, 'Assign licenses to users');
    await visible(pane);
    // Focus lands on the pane itself (its name is announced); the first Tab reaches the name box.
    await until(async () => (await focused(popup)).tag === 'dialog', 'focus on the pane');
    await popup.keyboard.press('Tab');
    expect((await focused(popup)).role).toBe('combobox');

    await popup.keyboard.type('Grace');
    await pickerShowsOnly(pane, /Grace/);
    await popup.keyboard.press('ArrowDown');
    await until(
      async () => (await pane.getByRole('option', { name: /Grace Liu/ }).getAttribute('aria-selected')) === 'true',
      'Grace Liu highlighted',
    );
    await popup.keyboard.press('Enter');
    await visible(pane.getByRole('list', { name: /Picked people \(1 of 20\)/ }));

    await popup.keyboard.type('Mateo');
    await pickerShowsOnly(pane, /Mateo/);
    await visible(pane.getByRole('option', { name: /Mateo García/ }));
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await visible(pane.getByRole('list', { name: /Picked people \(2 of 20\)/ }));

    await tabTo(popup, (f) => f.name === 'Assign' && f.tag === 'button', 'the Assign button', 10);
    await popup.keyboard.press('Enter');
    await gone(pane);
    await textMatches(toast(popup), 'Assigned Contoso Chat licenses to 2 people');
    await textMatches(popupCard(popup, DEMO.chat), '14/100');
    // Focus goes back to where the person was, not to the top of the page.
    await until(async () => (await focused(popup)).name === 'Assign licenses', 'focus back on Assign licenses');
    await popup.close();
  });

  test('Esc closes a pane and focus returns to its button', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await popup.locator('body').focus();
    await tabTo(popup, (f) => f.name === 'Buy licenses' && f.card === DEMO.notes, 'Buy licenses of Litware Notes');
    await popup.keyboard.press('Enter');
    const pane = dialog(popup, 'Buy licenses');
    await visible(pane);
    await popup.keyboard.press('Escape');
    await gone(pane);
    await until(async () => {
      const f = await focused(popup);
      return f.name === 'Buy licenses' && f.card === DEMO.notes;
    }, 'focus back on Buy licenses');
    await popup.close();
  });

  test('assign from the console with the keyboard: Licenses → product → Assign licenses', async () => {
    const page = await ext.openOptions();
    await page.locator('body').focus();
    await tabTo(page, (f) => f.tag === 'a' && f.name === 'Licenses', 'the Licenses link');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Licenses' }));
    await tabTo(page, (f) => f.tag === 'a' && f.name === DEMO.notes, `the ${DEMO.notes} link`);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: DEMO.notes }));
    await tabTo(page, (f) => f.name === 'Assign licenses', 'Assign licenses');
    await page.keyboard.press('Enter');
    const pane = dialog(page, 'Assign licenses to users');
    await visible(pane);
    await page.keyboard.press('Tab');
    expect((await focused(page)).role).toBe('combobox');
    await page.keyboard.type('Ben');
    await pickerShowsOnly(pane, /Ben/);
    await visible(pane.getByRole('option', { name: /Ben Carter/ }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // Litware Notes has 17 free licenses: the picker stops there, before its 20 at a time.
    await visible(pane.getByRole('list', { name: /Picked people \(1 of 17\)/ }));
    await tabTo(page, (f) => f.name === 'Assign' && f.tag === 'button', 'the Assign button', 10);
    await page.keyboard.press('Enter');
    await gone(pane);
    await textMatches(toast(page), 'Assigned a Litware Notes license to Ben Carter');
    await visible(page.getByRole('table').getByRole('rowheader', { name: 'Ben Carter' }));
    await page.close();
  });
});

