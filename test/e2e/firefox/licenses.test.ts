/**
 * Changing licenses in Firefox: "Buy licenses" on a popup card sets a new total, the popup confirms
 * it, and the new total is still there when the popup is opened again.
 */
import { describe, test } from 'vitest';
import { useFirefox } from './firefox';
import { buyLicensesInPopup, card, DEMO, openPopup, toast } from './ui';

const ff = useFirefox();

describe('Firefox: change the number of licenses', () => {
  test('buy licenses in the popup: 100 → 105, kept after reopening the popup', async () => {
    await openPopup(ff);
    await ff.waitForText('12/100', { within: card(DEMO.chat) });

    await buyLicensesInPopup(ff, DEMO.chat, 105);
    await ff.waitForText('Added 5 licenses to Contoso Chat', { within: toast });
    await ff.waitForText('12/105', { within: card(DEMO.chat) });
    await ff.closeTab();

    await openPopup(ff);
    await ff.waitForText('12/105', { within: card(DEMO.chat) });
    await ff.closeTab();
  });
});
