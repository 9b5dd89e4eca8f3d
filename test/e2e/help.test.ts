/**
 * Help: search the FAQ, and send a support request (kept on this device while not signed in; see
 * support.test.ts for sending), which stays listed after a reload.
 */
import { describe, expect, test } from 'vitest';
import { useExtension } from './harness/extension';
import { describedErrorOf, toast } from './harness/ui';
import { textMatches, until, visible } from './harness/wait';

const ext = useExtension();

describe('help', () => {
  test('FAQ search finds answers by what people type, and says when nothing matches', async () => {
    const page = await ext.openOptions('Help');
    const search = page.getByRole('searchbox', { name: 'Search help' });
    const questions = page.getByRole('group').locator('summary');
    const all = await questions.count();
    expect(all).toBeGreaterThan(5);

    await search.fill('refund');
    await textMatches(page.getByRole('status').filter({ hasText: 'found' }), /\d+ answers? found/);
    const found = await questions.allInnerTexts();
    expect(found.length).toBeLessThan(all);
    expect(found[0]).toBe('Can I reduce the number of licenses?');

    // Open the answer like a person would.
    await page.getByText('Can I reduce the number of licenses?').click();
    await visible(page.getByText(/prorated credit for the days left in the term/));

    await search.fill('card number stored');
    expect((await questions.allInnerTexts())[0]).toBe('Is my card number stored?');

    await search.fill('xylophone');
    await textMatches(page.locator('main'), 'No answers match “xylophone”. Try other words, or contact support below.');
    expect(await questions.count()).toBe(0);
    await page.close();
  });

  test('Contact support: empty fields are explained, then the request is queued and listed', async () => {
    const page = await ext.openOptions('Help');
    const form = page.getByRole('form', { name: 'Contact support' });
    await visible(form);
    // The reply address starts as the purchaser's own.
    const email = form.getByRole('textbox', { name: 'Email' });
    await until(async () => (await email.inputValue()) === 'maya.okafor@northwind.example', 'the purchaser’s email');
    await form.getByRole('button', { name: 'Submit' }).click();
    const subject = form.getByRole('textbox', { name: 'Subject' });
    await textMatches(form, 'Enter a subject');
    expect(await describedErrorOf(subject)).toBe('Enter a subject');
    expect(await describedErrorOf(form.getByRole('textbox', { name: 'Message' }))).toBe('Describe what you need help with');

    await subject.fill('Invoice SK-000004 shows the wrong tax');
    await form.getByRole('textbox', { name: 'Message' }).fill('Our tax rate changed in October; please check.');
    await form.getByRole('button', { name: 'Submit' }).click();
    await textMatches(toast(page), 'Support request submitted. IT will reply to maya.okafor@northwind.example.');
    const list = page.getByRole('list', { name: 'Your support requests' });
    // Not signed in: nothing can send it, and the list says what would.
    await textMatches(list, /Invoice SK-000004 shows the wrong tax[\s\S]*Saved on this device — sign in to send it to IT/);
    expect(await subject.inputValue()).toBe('');

    await page.reload();
    await textMatches(page.getByRole('list', { name: 'Your support requests' }), 'Invoice SK-000004 shows the wrong tax');
    await page.close();
  });
});
