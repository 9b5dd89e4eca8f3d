/**
 * The admin console's audit views against a real sync server process, in real Chromium: a
 * purchaser's client (hand-written, with Maya's real token) changes licenses, assigns, cancels with
 * feedback and reactivates; the Activity view shows each change with before → after in order, also
 * after a server restart, and exports what it shows; Export users downloads the licensed users of
 * the ticked subscriptions as their purchaser rooms hold them; the Directory view lists people with
 * their server-side role. A person named like a spreadsheet formula and feedback that starts like
 * one stay inert text in every admin CSV, and amounts stay numbers. Everything by keyboard, axe-clean.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACTIVITY_CSV_HEADER } from '../../lib/admin/activity-csv';
import { LICENSED_USERS_HEADER } from '../../lib/admin/licensed-users-csv';
import { SUMMARY_CSV_HEADER } from '../../lib/admin/summary-csv';
import { applyChanges } from '../../lib/doc/apply';
import type { Change } from '../../lib/doc/change';
import { connectSynced, mint, startServer, tempDataDir, until as untilSync, withAdmin, type Client, type ServerProcess } from '../server/harness';
import { MAYA, ORG, RILEY, room } from '../server/fixture';
import { isAllowedAdminControl, adminControls, openAdminConsole, type AdminConsole } from './harness/admin-console';
import { formatAxe, seriousAxeViolations } from './harness/axe';
import { importPeopleWithCli } from './harness/cli';
import { countIs, textMatches, until, visible } from './harness/wait';

const FORMULA_NAME = '=HYPERLINK("http://x","y")';
const FEEDBACK = '+1+cmd';
const ZOE = 'Zoë Ångström';
/** A cell a spreadsheet would run as a formula. */
const LIVE_FORMULA = /^[=+\-@\t\r]/;
/** What the browser logs of a connection to the server that a kill cut or refused. */
const CONNECTION_LOST = /(WebSocket connection to .*|Failed to load resource: net::)ERR_CONNECTION_(REFUSED|RESET)/;

let data: ReturnType<typeof tempDataDir>;
let server: ServerProcess;
let maya: Client;
let admin: AdminConsole;
let page: Page;
let peopleCsv: string;
const downloads: Record<'activity' | 'users' | 'subscriptions', string> = { activity: '', users: '', subscriptions: '' };

function writePeople(zoeRole: string): void {
  writeFileSync(
    peopleCsv,
    ['id,name,email,department,role', `person-x1,"${FORMULA_NAME.replaceAll('"', '""')}",x1@northwind.example,Finance,none`, `person-x2,${ZOE},zoe@northwind.example,Design,${zoeRole}`, ''].join('\r\n'),
  );
}

beforeAll(async () => {
  data = tempDataDir();
  peopleCsv = join(data.dir, 'people.csv');
  const adminCode = withAdmin(data.dir, (org) => {
    org.seedDemo();
    return org.createSignInCode(ORG, RILEY.personId);
  });
  writePeople('none');
  expect(await importPeopleWithCli(data.dir, ORG, peopleCsv)).toMatch(/2 added/);
  server = await startServer(data.dir);
  maya = await connectSynced(server.wsUrl, room.purchaser(MAYA), await mint(data.dir, MAYA));
  admin = await openAdminConsole(server.url, adminCode, 5);
  page = admin.page;
});

afterAll(async () => {
  maya?.destroy();
  await admin?.close();
  await server?.kill();
  data?.remove();
});

async function write(changes: readonly Change[]): Promise<void> {
  const stored = maya.stored.length;
  applyChanges(maya.doc, changes, null);
  await untilSync(() => maya.stored.length > stored && maya.allStored(), 'the server to store the change', 20_000);
}

/** Presses Tab (or, for a control behind the focus, Shift+Tab) until `target` has focus, as someone with a keyboard only would. */
async function tabTo(target: Locator, max = 60): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`${target} is not reachable with Tab`);
}

/** Focuses `button` by Tab and presses Enter; the file it downloads, as text. */
async function downloadByKeyboard(button: Locator): Promise<{ name: string; text: string; bytes: Buffer }> {
  await tabTo(button);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes };
}

/** The activity view's rows as the admin reads them: time, purchaser, product, field, before, after, device, by. */
function activityView(): Promise<string[][]> {
  return page.locator('tr[data-activity]').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      const value = (selector: string) => {
        const el = tr.querySelector(selector)!;
        return el.hasAttribute('data-empty') ? '' : (el.textContent ?? '');
      };
      return [cells[0]!.querySelector('time')!.getAttribute('datetime')!, cells[1]!.textContent!, cells[2]!.textContent!, cells[3]!.textContent!, value('.activity-before'), value('.activity-after'), cells[5]!.textContent!, cells[6]!.textContent!];
    }),
  );
}

const lineOf = (row: string[]) => `${row[2]} ${row[3]}: ${row[4]} → ${row[5]} (${row[7]})`;

async function showView(name: string): Promise<void> {
  await tabTo(page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
  await visible(page.getByRole('heading', { name, level: 1 }));
}

const EXPECTED = [
  'Contoso Chat Licenses: 100 → 103 (Purchaser)',
  `Contoso Chat Assigned to:  → ${FORMULA_NAME} (Purchaser)`,
  `Contoso Chat Assigned to:  → ${ZOE} (Purchaser)`,
  'Contoso Chat Status: Active → Canceled (Too expensive) (Purchaser)',
  `Contoso Chat Cancel feedback:  → ${FEEDBACK} (Purchaser)`,
  'Contoso Chat Status: Canceled (Too expensive) → Active (Purchaser)',
];

describe('admin console: activity, export users, directory', () => {
  it('the Activity view shows each change with before → after, in order, and stays current', async () => {
    const at = () => new Date().toISOString();
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 103 } }]);
    await write([{ op: 'mapSet', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', entries: { 'person-x1': at() } }]);
    await write([{ op: 'mapSet', collection: 'subscriptions', id: 'sub-chat', field: 'assigned', entries: { 'person-x2': at() } }]);
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { status: 'canceled', cancellation: { reason: 'too_expensive', feedback: FEEDBACK, canceledAt: at() } } }]);
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { status: 'active' } }, { op: 'unset', collection: 'subscriptions', id: 'sub-chat', field: 'cancellation' }]);

    await showView('Activity');
    await until(async () => (await activityView()).length === EXPECTED.length, 'the six changes in the Activity view', 15_000);
    const rows = await activityView();
    expect(rows.map(lineOf)).toEqual(EXPECTED);
    for (const row of rows) expect([row[1], row[6]]).toEqual(['Maya Okafor', 'unknown client']);
    expect(rows.map((row) => row[0])).toEqual([...rows.map((row) => row[0])].sort());
    expect(formatAxe(await seriousAxeViolations(page))).toBe('');
    expect((await adminControls(page)).filter((control) => !isAllowedAdminControl(control) && !/^(select|input):(Purchaser|Product|From|To)$/.test(control) && control !== 'button:Export activity CSV')).toEqual([]);

    // A change arriving while the view is open shows without a reload.
    await write([{ op: 'put', collection: 'subscriptions', id: 'sub-chat', fields: { licenses: 104 } }]);
    await textMatches(page.locator('tr[data-activity]').last(), /Licenses\s+103\s*→[\s\S]*?\b104\b/, 15_000);
  });

  it('filters by purchaser, product and day', async () => {
    const filters = page.getByRole('search', { name: 'Filter activity' });
    await filters.getByLabel('Product').selectOption({ label: 'Fabrikam Design Studio' });
    await textMatches(page.getByRole('status').filter({ hasText: /change/ }), '0 changes');
    await filters.getByLabel('Product').selectOption({ label: 'Contoso Chat' });
    await filters.getByLabel('Purchaser').selectOption({ label: 'Maya Okafor' });
    await countIs(page.locator('tr[data-activity]'), EXPECTED.length + 1);
    await filters.getByLabel('From').fill('2099-01-01');
    await countIs(page.locator('tr[data-activity]'), 0);
    const today = new Date().toISOString().slice(0, 10);
    await filters.getByLabel('From').fill(today);
    await filters.getByLabel('To').fill(today);
    await countIs(page.locator('tr[data-activity]'), EXPECTED.length + 1);
  });

  it('shows the same log after a server restart, and exports exactly what it shows', async () => {
    const before = await activityView();
    await server.kill();
    server = await startServer(data.dir, { port: server.port });
    await page.reload();
    await visible(page.getByRole('heading', { name: 'Activity', level: 1 }));
    // The browser logs the connections the kill cut (a request in flight) and those refused until
    // the server was back; they belong to the restart, and the reload ended them.
    const kept = admin.problems.filter((problem) => !CONNECTION_LOST.test(problem));
    admin.problems.splice(0, admin.problems.length, ...kept);
    await until(async () => JSON.stringify(await activityView()) === JSON.stringify([...before]), 'the log as it was before the restart', 15_000).catch(async (error: Error) => {
      throw new Error(`${error.message}\nnow: ${JSON.stringify((await activityView()).map(lineOf))}`);
    });
    const shown = await activityView();
    expect(shown.map(lineOf)).toEqual([...EXPECTED, 'Contoso Chat Licenses: 103 → 104 (Purchaser)']);

    const file = await downloadByKeyboard(page.getByRole('button', { name: 'Export activity CSV' }));
    expect(file.name).toMatch(/^seatkeeper-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    downloads.activity = file.text;
    const [header, ...records] = parse(file.text) as string[][];
    expect(header).toEqual([...ACTIVITY_CSV_HEADER]);
    // The view's cells, but that a formula-like one is written with its leading ' (inert).
    expect(records).toEqual(shown.map((row) => row.map((cell) => (LIVE_FORMULA.test(cell) ? `'${cell}` : cell))));
  });

  it('Export users downloads exactly the assigned people of the ticked subscriptions, as their purchaser rooms hold them', async () => {
    await showView('Subscriptions');
    await countIs(admin.rows(), 5);
    for (const product of ['Contoso Chat', 'Fabrikam Design Studio']) {
      await tabTo(page.getByLabel(`Select ${product} of Maya Okafor`));
      await page.keyboard.press('Space');
    }
    expect(await page.getByLabel('Select Contoso Chat of Maya Okafor').isChecked()).toBe(true);
    expect(await page.getByLabel('Select Fabrikam Design Studio of Maya Okafor').isChecked()).toBe(true);
    await textMatches(page.getByRole('status').filter({ hasText: 'Showing' }), 'Showing 5 of 5 subscriptions, 2 ticked for Export users');
    // Ticking a row's box neither opened its details.
    expect(await page.getByRole('complementary').count()).toBe(0);
    expect(formatAxe(await seriousAxeViolations(page))).toBe('');

    const file = await downloadByKeyboard(page.getByRole('button', { name: 'Export users' }));
    expect(file.name).toMatch(/^seatkeeper-licensed-users-\d{4}-\d{2}-\d{2}\.csv$/);
    downloads.users = file.text;
    await textMatches(page.getByRole('status').filter({ hasText: /Exported/ }), /Exported \d+ licensed users of 2 subscriptions/);

    // What a fresh admin client reads in the purchaser's and the org's rooms.
    const token = await mint(data.dir, RILEY);
    const purchaserRoom = await connectSynced(server.wsUrl, room.purchaser(MAYA), token);
    const orgRoom = await connectSynced(server.wsUrl, room.org(ORG), token);
    try {
      const directory = orgRoom.doc.getMap<Y.Map<unknown>>('directory');
      const expected = ['sub-chat', 'sub-design'].flatMap((id) => {
        const sub = purchaserRoom.doc.getMap<Y.Map<unknown>>('subscriptions').get(id)!;
        const assigned = (sub.get('assigned') as Y.Map<string>).toJSON() as Record<string, string>;
        return Object.entries(assigned).map(([personId, since]) => {
          const person = directory.get(personId)!.toJSON() as { displayName: string; email: string; department: string };
          return [person.displayName, person.email, person.department, sub.get('productName') as string, 'Maya Okafor', since.slice(0, 10)].map((cell) => (LIVE_FORMULA.test(cell) ? `'${cell}` : cell));
        });
      });
      expect(expected.length).toBeGreaterThan(10);
      const [header, ...records] = parse(file.text) as string[][];
      expect(header).toEqual([...LICENSED_USERS_HEADER]);
      const sorted = (rows: string[][]) => rows.map((row) => JSON.stringify(row)).sort();
      expect(sorted(records)).toEqual(sorted(expected));
    } finally {
      purchaserRoom.destroy();
      orgRoom.destroy();
    }
    // RFC 4180: CRLF after every record, quotes doubled inside a quoted field; UTF-8 (decoded strictly above).
    expect(file.text.endsWith('\r\n')).toBe(true);
    expect(file.text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(file.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(file.text).toContain(`${ZOE},zoe@northwind.example,Design,Contoso Chat,Maya Okafor,`);
    expect(file.bytes.includes(Buffer.from('Zoë', 'utf8'))).toBe(true);
  });

  it('the subscriptions CSV writes the formula-like name as text and its amounts as numbers', async () => {
    const file = await downloadByKeyboard(page.getByRole('button', { name: 'Export CSV' }));
    downloads.subscriptions = file.text;
    const [header, ...records] = parse(file.text) as string[][];
    expect(header).toEqual([...SUMMARY_CSV_HEADER]);
    const chat = records.find((record) => record[0] === 'Contoso Chat')!;
    expect(chat[SUMMARY_CSV_HEADER.indexOf('Assigned users')]).toContain(FORMULA_NAME);
    const amounts = (['Price per term before tax', 'Unused cost per month'] as const).map((column) => SUMMARY_CSV_HEADER.indexOf(column));
    for (const record of records) {
      for (const amount of amounts) {
        expect(record[amount]).toMatch(/^\d+\.\d\d$/);
        expect(Number.isFinite(Number(record[amount]))).toBe(true);
      }
      expect(Number.isInteger(Number(record[2]))).toBe(true);
    }
  });

  it('no admin CSV holds a cell a spreadsheet would run; the name and the feedback are there as text', () => {
    for (const [name, text] of Object.entries(downloads)) {
      expect(text, name).not.toBe('');
      const cells = (parse(text) as string[][]).flat();
      expect(cells.filter((cell) => LIVE_FORMULA.test(cell)), name).toEqual([]);
    }
    expect((parse(downloads.activity) as string[][]).flat()).toEqual(expect.arrayContaining([`'${FORMULA_NAME}`, `'${FEEDBACK}`]));
    expect((parse(downloads.users) as string[][]).flat()).toContain(`'${FORMULA_NAME}`);
  });

  it('the Directory view lists people with their server-side role, searchable, and follows a role change', async () => {
    await showView('Directory');
    const table = page.locator('tr[data-person]');
    await until(async () => (await table.count()) > 40, 'the directory');
    const roleOf = (id: string) => page.locator(`tr[data-person="${id}"] td`).nth(3);
    await textMatches(roleOf(MAYA.personId), 'Purchaser');
    await textMatches(roleOf(RILEY.personId), 'IT admin');
    await textMatches(roleOf('person-x2'), 'No sign-in');

    await tabTo(page.getByLabel('Search people'));
    await page.keyboard.type('hyperlink');
    await countIs(table, 1);
    await textMatches(table, FORMULA_NAME);
    await textMatches(table, 'No sign-in');
    expect(formatAxe(await seriousAxeViolations(page))).toBe('');

    writePeople('purchaser');
    expect(await importPeopleWithCli(data.dir, ORG, peopleCsv)).toMatch(/^Imported /);
    await showView('Subscriptions');
    await showView('Directory');
    await page.getByLabel('Search people').fill('');
    await textMatches(roleOf('person-x2'), 'Purchaser', 10_000);
    // Nothing of the console's own may appear (the restart's lost connections were taken out above).
    expect(admin.problems).toEqual([]);
  });
});
