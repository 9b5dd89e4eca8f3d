/**
 * The Firefox build renders: the popup shows the demo organization's subscriptions, every section of
 * the console shows its demo data when picked in the navigation, and nothing of the extension
 * reports an error to the browser console.
 */
import { describe, expect, test } from 'vitest';
import { formatErrors, useFirefox } from './firefox';
import { card, DEMO, gotoSection, openOptions, openPopup } from './ui';

const ff = useFirefox();

describe('Firefox: the extension renders its demo data', () => {
  test('the popup lists the demo subscriptions with their license counts', async () => {
    await openPopup(ff);
    await ff.waitForText('Northwind Labs', { within: { selector: '.popup-header' } });
    await ff.waitForText('12/100 licenses assigned', { within: card(DEMO.chat) });
    await ff.waitForText('8/25 licenses assigned', { within: card(DEMO.notes) });
    await ff.waitForText('4/10 licenses assigned', { within: card(DEMO.design) });
    await ff.waitForText('Canceled', { within: card(DEMO.whiteboard) });
    await ff.waitForText('Expired', { within: card(DEMO.pdf) });
    await ff.waitForText('Local only — changes are saved on this device');
    await ff.closeTab();
  });

  test('each section of the console shows the demo data', async () => {
    await openOptions(ff);
    await ff.waitForText('Northwind Labs', { within: { selector: '.console-brand' } });
    // Your products is where the console opens.
    await ff.waitForText(/Your products/, { within: { selector: 'main h1' } });
    const sections: [string, RegExp][] = [
      ['Licenses', /Contoso Chat\s+Monthly · since \w{3} \d{1,2}, \d{4}\s+12\s+88\s+100\s+Active/],
      ['Billing accounts', /Northwind Labs\s+Company/],
      ['Bills & payments', /SK-0000\d\d\s+\w{3} \d{1,2}, \d{4}\s+Contoso Chat\s+[^$]+\$[\d,]+\.\d\d\s+Paid/],
      ['Help', /Which products can I buy myself\?/],
      ['Settings', /Reset demo data/],
      ['Your products', /Contoso Chat\s+Monthly · since \w{3} \d{1,2}, \d{4}[\s\S]{0,200}?12\/100[\s\S]{0,200}?Active/],
    ];
    for (const [section, shows] of sections) {
      await gotoSection(ff, section);
      await ff.waitForText(shows, { within: { selector: 'main' } });
    }
    await ff.closeTab();
  });

  test('no errors from the extension in the browser console', async () => {
    const errors = await ff.consoleErrors();
    expect(errors, formatErrors(errors)).toEqual([]);
  });
});
