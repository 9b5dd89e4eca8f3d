/**
 * Buy more or reduce licenses: "Buy licenses" / "Remove licenses" → "Total licenses" → Save.
 * Going from 100 to 105 (the reference's example), a reduction, and a total below the number of
 * assigned licenses, which is refused with a message next to the field.
 */
import { describe, expect, test } from 'vitest';
import { TAX_RATE_PENDING } from '../../lib/billing/price-label';
import { useExtension } from './harness/extension';
import { swapOrganizationRow } from './harness/organization-row';
import { DEMO, describedErrorOf, dialog, popupCard, popupList, toast } from './harness/ui';
import { gone, textMatches, visible } from './harness/wait';

const ext = useExtension();

describe('change the number of licenses', () => {
  test('buy licenses: 100 → 105 shows the price change, then the card says 105', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await textMatches(chat, '12/100');

    await chat.getByRole('button', { name: 'Buy licenses' }).click();
    const pane = dialog(popup, 'Buy licenses');
    await visible(pane);
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    expect(await total.inputValue()).toBe('100');
    await total.fill('105');
    await textMatches(pane, /Adding 5 licenses/);
    await textMatches(pane, /100 licenses → 105 licenses/);
    await textMatches(pane, /New price: \$[\d,]+\.\d\d per month/);
    await pane.getByRole('button', { name: 'Save' }).click();

    await gone(pane);
    await textMatches(toast(popup), 'Added 5 licenses to Contoso Chat');
    await textMatches(chat, '12/105');
    await popup.close();

    // The new total is what the purchaser sees next time too.
    const again = await ext.openPopup();
    await popupList(again);
    await textMatches(popupCard(again, DEMO.chat), '12/105');
    await again.close();
  });

  test('remove licenses: 105 → 90', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await chat.getByRole('button', { name: 'Remove licenses' }).click();
    const pane = dialog(popup, 'Remove licenses');
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    expect(await total.inputValue()).toBe('105');
    await total.fill('90');
    await textMatches(pane, /Removing 15 licenses/);
    await pane.getByRole('button', { name: 'Save' }).click();
    await gone(pane);
    await textMatches(toast(popup), 'Removed 15 licenses from Contoso Chat');
    await textMatches(chat, '12/90');
    await popup.close();
  });

  test('fewer licenses than people assigned is refused next to the field', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await chat.getByRole('button', { name: 'Remove licenses' }).click();
    const pane = dialog(popup, 'Remove licenses');
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    await total.fill('10');
    await pane.getByRole('button', { name: 'Save' }).click();

    await textMatches(pane, /12 people have licenses\. Unassign 2 of them first, or keep at least 12 licenses\./);
    expect(await total.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(total)).toContain('12 people have licenses');
    // Focus goes to the field so it can be fixed, and the pane stays open with what was typed.
    expect(await total.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await total.inputValue()).toBe('10');

    await pane.getByRole('button', { name: 'Cancel' }).click();
    await gone(pane);
    await textMatches(chat, '12/90');
    await popup.close();
  });

  test('the pane is named for what the total does, whichever button opened it', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await popupCard(popup, DEMO.chat).getByRole('button', { name: 'Remove licenses' }).click();
    await visible(dialog(popup, 'Remove licenses'));
    // The one pane, whatever it is named at the moment.
    const total = popup.getByRole('dialog').getByRole('spinbutton', { name: 'Total licenses' });
    await total.fill('96');
    const buying = dialog(popup, 'Buy licenses');
    await textMatches(buying, /Adding 6 licenses/);
    await total.fill('85');
    const removing = dialog(popup, 'Remove licenses');
    await textMatches(removing, /Removing 5 licenses/);
    await removing.getByRole('button', { name: 'Cancel' }).click();
    await gone(removing);
    await popup.close();
  });

  test('a total that is not a whole number is refused next to the field', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    await popupCard(popup, DEMO.chat).getByRole('button', { name: 'Buy licenses' }).click();
    const pane = dialog(popup, 'Buy licenses');
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    await total.fill('');
    await pane.getByRole('button', { name: 'Save' }).click();
    await textMatches(pane, 'Enter a whole number of licenses');
    expect(await describedErrorOf(total)).toContain('Enter a whole number of licenses');
    await popup.close();
  });

  test('from the console: Your products → Buy licenses → Total licenses → Save', async () => {
    const page = await ext.openOptions('Your products');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.chat, exact: true }) });
    await textMatches(row, '12/90');
    await row.getByRole('button', { name: 'Buy licenses' }).click();
    const pane = dialog(page, 'Buy licenses');
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    expect(await total.inputValue()).toBe('90');
    await total.fill('100');
    await textMatches(pane, /Adding 10 licenses/);
    await textMatches(pane, /Charged today for the \d+ days? left in this term: \$[\d,]+\.\d\d/);
    await pane.getByRole('button', { name: 'Save' }).click();
    await gone(pane);
    await textMatches(toast(page), 'Added 10 licenses to Contoso Chat');
    await textMatches(row, '12/100');

    // The same through More actions → Remove licenses.
    await page.getByRole('button', { name: `More actions for ${DEMO.chat}` }).click();
    await page.getByRole('menuitem', { name: 'Remove licenses' }).click();
    const remove = dialog(page, 'Remove licenses');
    await remove.getByRole('spinbutton', { name: 'Total licenses' }).fill('99');
    await textMatches(remove, /Credited today/);
    await remove.getByRole('button', { name: 'Save' }).click();
    await gone(remove);
    await textMatches(row, '12/99');
    await page.close();
  });

  test('the price change names no amount until the organization’s tax rate is read, and then includes it', async () => {
    /** A fresh popup's Remove licenses pane for Contoso Chat, one license fewer typed; its price preview. */
    async function removingOne() {
      const popup = await ext.openPopup();
      await popupList(popup);
      await popupCard(popup, DEMO.chat).getByRole('button', { name: 'Remove licenses' }).click();
      const total = dialog(popup, 'Remove licenses').getByRole('spinbutton', { name: 'Total licenses' });
      await total.fill(String(Number(await total.inputValue()) - 1));
      return { popup, preview: popup.getByRole('dialog').locator('.preview') };
    }

    const first = await ext.openPopup();
    await popupList(first);
    const organization = await swapOrganizationRow(first);
    expect(organization).toMatchObject({ key: 'organization' });
    await first.close();
    try {
      const { popup, preview } = await removingOne();
      await textMatches(preview, /Removing 1 license/);
      await textMatches(preview, TAX_RATE_PENDING);
      expect(await preview.innerText()).not.toMatch(/\$|Credited/);
      await popup.close();
    } finally {
      const page = await ext.openPopup();
      await swapOrganizationRow(page, organization);
      await page.close();
    }

    const { popup, preview } = await removingOne();
    await textMatches(preview, /Credited today for the \d+ days? left in this term: \$[\d,]+\.\d\d incl\. tax/);
    expect(await preview.innerText()).not.toContain(TAX_RATE_PENDING);
    await popup.close();
  });
});
