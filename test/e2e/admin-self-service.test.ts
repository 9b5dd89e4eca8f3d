/**
 * Acceptance 1 of the admin controls: an IT admin turns Litware Notes off in the console's
 * Self-service view, with the keyboard alone. Within 2 s the purchaser's extension lists it as not
 * buyable and its Buy pane says why, while the running Litware Notes subscription keeps its license
 * controls. A purchase of it written by a hand-written purchaser client is undone by the server,
 * and the extension shows the correction. The purchaser's own attempt at the policy is refused and
 * changes nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../lib/doc/apply';
import { demoOrg } from '../../lib/org/demo';
import { purchaseTerms } from '../../lib/rules/purchase-rules';
import { connectSynced, mint, type Client } from '../server/harness';
import { MAYA, ORG, RILEY, room } from '../server/fixture';
import type { AdminConsole } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useDemoServer } from './harness/demo-server';
import { useExtension } from './harness/extension';
import { DEMO, describedErrorOf, dialog, signInFromSettings } from './harness/ui';
import { textMatches, until, visible } from './harness/wait';

const TURNED_OFF = `Your IT admin has turned off self-service purchases of ${DEMO.notes}.`;
const UNDONE = `Your IT admin has turned off self-service purchases of ${DEMO.notes}, so your purchase was not made and nothing was charged.`;

const ext = useExtension();
const demo = useDemoServer(0);
let admin: AdminConsole;
let options: Page;

const policySelect = () => admin.page.getByRole('combobox', { name: `Self-service purchases of ${DEMO.notes}` });

/** The org room's stored policy of a product, read by a fresh admin client: what purchasers are told. */
async function storedPolicy(productId: string): Promise<string> {
  const reader = await connectSynced(demo.server.wsUrl, room.org(ORG), await mint(demo.dir, RILEY));
  try {
    return (reader.doc.getMap<Y.Map<unknown>>('catalog').get(productId)?.get('selfServicePolicy') as string | undefined) ?? 'default';
  } finally {
    reader.destroy();
  }
}

describe('self-service policy per product', () => {
  test('the purchaser has Litware Notes to buy, the admin sees the catalog with its defaults', async () => {
    const settings = await ext.openOptions('Settings');
    await signInFromSettings(settings, demo.server.url, demo.code(MAYA), 'Maya Okafor');
    await settings.close();
    admin = await demo.openAdminConsole(RILEY, 5);

    // The keyboard alone reaches the view: Tab from the navigation button before it, Enter.
    const nav = admin.page.getByRole('button', { name: 'Self-service', exact: true });
    await admin.page.getByRole('button', { name: 'Insights', exact: true }).focus();
    await admin.page.keyboard.press('Tab');
    expect(await nav.evaluate((el) => el === document.activeElement)).toBe(true);
    await admin.page.keyboard.press('Enter');
    await visible(admin.page.getByRole('heading', { name: 'Self-service purchases' }));
    await visible(policySelect());
    expect(await policySelect().inputValue()).toBe('default');
    await textMatches(policySelect(), /Default \(Allow\)/);
    // Sold by contract only: the catalog's default is Do not allow.
    await textMatches(admin.page.getByRole('combobox', { name: 'Self-service purchases of Adatum Analytics' }), /Default \(Do not allow\)/);
    expect(formatAxe(await seriousAxeViolations(admin.page))).toBe('');

    options = await ext.openOptions('Your products');
    await options.getByRole('button', { name: 'Buy a subscription' }).click();
    const product = dialog(options, 'Buy a subscription').getByRole('combobox', { name: 'Product' });
    expect(await product.locator('option', { hasText: DEMO.notes }).evaluate((o) => (o as HTMLOptionElement).disabled)).toBe(false);
  });

  test('turned off with the keyboard, the product is not buyable in the extension within 2 s, with why', async () => {
    const buy = dialog(options, 'Buy a subscription');
    const notes = buy.getByRole('combobox', { name: 'Product' }).locator('option', { hasText: DEMO.notes });

    await policySelect().focus();
    // Default → Allow → Do not allow: two saves in a row, the last one is what is stored.
    await admin.page.keyboard.press('ArrowDown');
    await admin.page.keyboard.press('ArrowDown');
    const changedAt = Date.now();
    await until(() => notes.evaluate((o) => (o as HTMLOptionElement).disabled), 'Litware Notes turned off in the Buy pane', 2_000);
    expect(Date.now() - changedAt).toBeLessThan(2_000);
    await textMatches(notes, `${DEMO.notes} (turned off by your IT admin)`);
    await textMatches(buy, TURNED_OFF);

    await until(async () => (await policySelect().inputValue()) === 'deny' && !(await admin.page.getByText('Saving…').count()), 'the admin’s choice stored');
    await textMatches(admin.page.locator(`tr[data-product="prod-notes"]`), /No$/);
    expect(await storedPolicy('prod-notes')).toBe('deny');

    // The running subscription keeps running, with its license controls.
    await buy.getByRole('button', { name: 'Cancel' }).click();
    const row = options.getByRole('row').filter({ has: options.getByRole('rowheader', { name: new RegExp(`^${DEMO.notes}`) }) });
    await textMatches(row, 'Your IT admin has turned off new purchases of it');
    await visible(row.getByRole('button', { name: 'Buy licenses' }));
    await visible(row.getByRole('button', { name: 'Remove licenses' }));
  });

  test('a purchase of it written by a hand-written purchaser client is undone, and the extension says so', async () => {
    const rogue: Client = await connectSynced(demo.server.wsUrl, room.purchaser(MAYA), await mint(demo.dir, MAYA));
    try {
      const product = demoOrg().catalog.find((p) => p.id === 'prod-notes')!;
      const terms = purchaseTerms(product, 'annual', new Date().toISOString());
      const fields = { ...terms, productId: product.id, purchaserId: MAYA.personId, licenses: 3, assigned: {}, term: 'annual', status: 'active', paymentMethodId: 'pm-visa' };
      applyChanges(rogue.doc, [{ op: 'put', collection: 'subscriptions', id: 'sub-notes-rogue', fields }], null);
      await until(() => !rogue.doc.getMap('subscriptions').has('sub-notes-rogue'), 'the server to undo the purchase');
    } finally {
      rogue.destroy();
    }
    await textMatches(options.getByRole('region', { name: 'Changes made by the sync server' }), UNDONE, 15_000);
    expect(await options.getByRole('rowheader', { name: new RegExp(`^${DEMO.notes}`) }).count()).toBe(1);
  });

  test('a purchaser’s attempt to write the policy is refused and changes nothing', async () => {
    const response = await fetch(`${demo.server.url}/api/admin/self-service`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await mint(demo.dir, MAYA)}` },
      body: JSON.stringify({ productId: 'prod-notes', policy: 'allow' }),
    });
    expect(response.status).toBe(401);
    expect(await storedPolicy('prod-notes')).toBe('deny');
    expect(await policySelect().inputValue()).toBe('deny');
  });

  test('a save that fails is said next to its control; back to Default, the product is buyable again', async () => {
    await admin.page.route('**/api/admin/self-service', (route) => route.abort());
    await policySelect().selectOption('allow');
    await textMatches(admin.page.getByRole('alert'), 'Could not reach the sync server');
    expect(await describedErrorOf(policySelect())).toContain('Could not reach the sync server');
    expect(await policySelect().inputValue()).toBe('deny');
    await admin.page.unroute('**/api/admin/self-service');

    await policySelect().focus();
    await admin.page.keyboard.press('Home');
    await until(async () => (await storedPolicy('prod-notes')) === 'default', 'the policy back to the catalog’s');
    expect(await describedErrorOf(policySelect())).toBe('');
    await options.getByRole('button', { name: 'Buy a subscription' }).click();
    const notes = dialog(options, 'Buy a subscription').getByRole('combobox', { name: 'Product' }).locator('option', { hasText: DEMO.notes });
    await until(async () => !(await notes.evaluate((o) => (o as HTMLOptionElement).disabled)), 'Litware Notes buyable again');
    expect(admin.problems.filter((p) => !p.includes('net::ERR_FAILED'))).toEqual([]);
  });
});
