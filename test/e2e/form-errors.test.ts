/**
 * Forms that guide: an error shown next to a field goes as soon as the field is right (no second
 * submit), a field still wrong keeps saying why, and everything typed stays. The licenses pane
 * (popup), the Contact support form and the sign-in form here; Buy, Cancel and Assign in their own files.
 */
import { describe, expect, test } from 'vitest';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';
import { DEMO, describedErrorOf, dialog, popupCard, popupList } from './harness/ui';
import { gone, textMatches, until, visible } from './harness/wait';

const ext = useExtension();

describe('field errors clear when the field is fixed', () => {
  test('Remove licenses: "Unassign 2 of them first" follows the total typed and goes at 12', async () => {
    const popup = await ext.openPopup();
    await popupList(popup);
    const chat = popupCard(popup, DEMO.chat);
    await textMatches(chat, /\$[\d,]+\.\d\d per month before tax/);
    await chat.getByRole('button', { name: 'Remove licenses' }).click();
    const pane = dialog(popup, 'Remove licenses');
    await visible(pane);
    const total = pane.getByRole('spinbutton', { name: 'Total licenses' });
    await total.fill('10');
    await pane.getByRole('button', { name: 'Save' }).click();
    await until(async () => (await describedErrorOf(total)).includes('Unassign 2 of them first'), 'the refusal');
    const problems = await seriousAxeViolations(popup);
    expect(problems, formatAxe(problems)).toEqual([]);

    await total.fill('11');
    await until(async () => (await describedErrorOf(total)).includes('Unassign 1 of them first'), 'the message for 11');
    await total.fill('12');
    await until(async () => (await total.getAttribute('aria-invalid')) === null, 'the error gone at 12');
    expect(await describedErrorOf(total)).toBe('');
    expect(await pane.locator('.field-error').count()).toBe(0);
    // The preview always states the total with tax and the term.
    await textMatches(pane, /New price: \$[\d,]+\.\d\d per month incl\. tax/);
    await pane.getByRole('button', { name: 'Cancel' }).click();
    await gone(pane);
    await textMatches(chat, '12/100');
    await popup.close();
  });

  test('Contact support: both empty fields are flagged at once, and each error goes as it is filled in', async () => {
    const page = await ext.openOptions('Help');
    const form = page.getByRole('form', { name: 'Contact support' });
    await visible(form);
    const subject = form.getByRole('textbox', { name: 'Subject' });
    const message = form.getByRole('textbox', { name: 'Message' });
    const email = form.getByRole('textbox', { name: 'Email' });
    await until(async () => (await email.inputValue()) !== '', 'the purchaser’s email');
    await email.fill('not an address');
    await form.getByRole('button', { name: 'Submit' }).click();
    await until(async () => (await form.locator('.field-error').count()) === 3, 'three field errors');
    expect(await describedErrorOf(subject)).toBe('Enter a subject');
    expect(await describedErrorOf(message)).toBe('Describe what you need help with');
    expect(await describedErrorOf(email)).toBe('Enter an email address we can reply to');
    const problems = await seriousAxeViolations(page);
    expect(problems, formatAxe(problems)).toEqual([]);

    await subject.fill('Where is my invoice?');
    await until(async () => (await subject.getAttribute('aria-invalid')) === null, 'the subject error gone');
    expect(await describedErrorOf(message)).toBe('Describe what you need help with');
    await email.fill('maya@');
    expect(await describedErrorOf(email)).toBe('Enter an email address we can reply to');
    await email.fill('maya.okafor@northwind.example');
    await message.fill('I cannot find the invoice for March.');
    await until(async () => (await form.locator('.field-error').count()) === 0, 'no error left');
    expect(await subject.inputValue()).toBe('Where is my invoice?');
    await page.close();
  });

  test('Settings › Sync: a refused server address is flagged until it is edited', async () => {
    const page = await ext.openOptions('Settings');
    const url = page.getByRole('textbox', { name: 'Sync server URL' });
    await url.fill('not a server');
    await page.getByRole('textbox', { name: 'One-time code' }).fill('ABCD-EFGH-JKMN');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await until(async () => (await url.getAttribute('aria-invalid')) === 'true', 'the address refused');
    expect(await describedErrorOf(url)).not.toBe('');
    await url.fill('http://127.0.0.1:8787');
    await until(async () => (await url.getAttribute('aria-invalid')) === null, 'the address error gone');
    expect(await page.getByRole('textbox', { name: 'One-time code' }).inputValue()).toBe('ABCD-EFGH-JKMN');
    await page.close();
  });
});
