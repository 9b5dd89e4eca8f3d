/**
 * A large account in the popup: with 1,005 subscriptions it shows the first 20 and says how many
 * there are; "Show more" reveals the next ones and moves focus to them; search and sort still cover
 * every subscription, not only the cards on screen. It opens on its cards: no "Loading" frame, and the
 * sync line is right from the first one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import { demoOrg } from '../../lib/org/demo';
import { demoSeedChanges } from '../../lib/org/demo-seed';
import { appendChange } from '../../server/room-log';
import { MAYA, ORG, seedTwoOrgs } from '../server/fixture';
import { startServer, tempDataDir, withAdmin, type ServerProcess } from '../server/harness';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';
import { DEMO, popupList, popupProductNames, signInFromSettings } from './harness/ui';
import { countIs, textMatches, until } from './harness/wait';

const ext = useExtension();
const data = tempDataDir();
let server: ServerProcess;

/** `Bulk Tool 0001` … `Bulk Tool 1000`: active, 10 licenses each, like the demo's chat subscription otherwise. */
function bulkSubscriptions(count: number): Change[] {
  const template = demoSeedChanges(demoOrg(), new Date().toISOString()).find(
    (c): c is Extract<Change, { op: 'put' }> => c.op === 'put' && c.collection === 'subscriptions' && c.fields.licenses === 100,
  )!;
  return Array.from({ length: count }, (_, i): Change => {
    const id = `sub-bulk-${i + 1}`;
    const productName = `Bulk Tool ${String(i + 1).padStart(4, '0')}`;
    return { op: 'put', collection: 'subscriptions', id, fields: { ...template.fields, id, productName, licenses: 10, assigned: {} } };
  });
}

beforeAll(async () => {
  withAdmin(data.dir, (admin) => {
    seedTwoOrgs(admin);
    appendChange(admin.store, { kind: 'purchaser', orgId: ORG, personId: MAYA.personId }, (doc) =>
      applyChanges(doc, bulkSubscriptions(1000), null),
    );
  });
  server = await startServer(data.dir);
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  data.remove();
});

describe('popup: a thousand subscriptions', () => {
  test('shows the first 20, reveals more on request, and searches and sorts them all', async () => {
    const code = withAdmin(data.dir, (admin) => admin.createSignInCode(ORG, MAYA.personId));
    const options = await ext.openOptions('Settings');
    await signInFromSettings(options, server.url, code, 'Maya Okafor');
    await options.close();

    const popup = await ext.openPopup();
    const list = await popupList(popup);
    const count = popup.locator('.list-more').getByRole('status');
    await textMatches(count, 'Showing 20 of 1,005 subscriptions', 30_000);
    await countIs(list.getByRole('listitem'), 20);
    expect((await popupProductNames(popup)).slice(0, 2)).toEqual(['Bulk Tool 0001', 'Bulk Tool 0002']);
    const problems = await seriousAxeViolations(popup);
    expect(problems, formatAxe(problems)).toEqual([]);

    // From the keyboard: the next 20 appear, focus lands on the first of them, the count is announced.
    await popup.getByRole('button', { name: 'Show 20 more' }).focus();
    await popup.keyboard.press('Enter');
    await countIs(list.getByRole('listitem'), 40);
    await textMatches(count, 'Showing 40 of 1,005 subscriptions');
    await until(async () => (await popup.evaluate(() => document.activeElement?.textContent)) === 'Bulk Tool 0021', 'focus on Bulk Tool 0021');

    // Search finds the 1,000th, far beyond the cards on screen.
    const search = popup.getByRole('searchbox', { name: 'Search subscriptions' });
    await search.fill('tool 1000');
    await until(async () => JSON.stringify(await popupProductNames(popup)) === '["Bulk Tool 1000"]', 'only Bulk Tool 1000');
    await textMatches(popup.getByRole('status').filter({ hasText: 'match' }), '1 of 1,005 subscriptions match');
    await search.fill('');
    await countIs(list.getByRole('listitem'), 20);

    // Sorting by licenses brings Contoso Chat (100), last by name, to the top.
    await popup.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Licenses' });
    await until(async () => (await popupProductNames(popup))[0] === DEMO.chat, `${DEMO.chat} first`);
    await textMatches(count, 'Showing 20 of 1,005 subscriptions');
    await popup.close();
  });

  test('opens on its cards and the right sync line, with no loading frame before them', async () => {
    // Signed in by the test above. Records, from before the popup's own scripts, what every change
    // of its DOM showed: any "Loading" line, and each sync line in the order they appeared.
    const popup = await ext.openPopup({ beforeScripts: WATCH_FIRST_FRAMES });
    const list = await popupList(popup);
    await countIs(list.getByRole('listitem'), 20);
    const seen = await popup.evaluate(() => (globalThis as unknown as { seen: { loading: boolean; syncLines: string[]; cardsWithFirstLine: boolean } }).seen);
    expect(seen.loading).toBe(false);
    expect(seen.syncLines[0]).toBe('All changes synced');
    expect(seen.cardsWithFirstLine).toBe(true);
    await popup.close();
  });
});

/** A string, not a function's source: the test runner's transform adds helpers a page does not have. */
const WATCH_FIRST_FRAMES = `(() => {
  const seen = { loading: false, syncLines: [], cardsWithFirstLine: false };
  globalThis.seen = seen;
  new MutationObserver(() => {
    if (document.body?.textContent?.includes('Loading your subscriptions')) seen.loading = true;
    const line = document.querySelector('.sync-status')?.textContent;
    if (line && seen.syncLines.at(-1) !== line) {
      if (!seen.syncLines.length) seen.cardsWithFirstLine = !!document.querySelector('[aria-label="Your subscriptions"] li');
      seen.syncLines.push(line);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;
