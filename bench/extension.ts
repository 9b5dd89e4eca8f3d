import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { Socket, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import type { Change } from '../lib/doc/change';
import { demoOrg } from '../lib/org/demo';
import { demoSeedChanges } from '../lib/org/demo-seed';
import { OrgAdmin } from '../server/org-admin';
import { appendChange } from '../server/room-log';
import { launchWithExtension, runBeforePageScripts } from '../test/e2e/harness/chromium';
import { freePort } from '../test/e2e/harness/free-port';
import { percentile, sleep } from './proc';
import { accessTokens, purchaserRoom, seatkeeperOrg } from './seatkeeper-org';
import { root, startBenchServer, tempDir } from './servers';
import { DEVTOOLS_PORT_ARG, DevTools, openToolbarPopup, type PopupOpening } from './toolbar-popup';

export interface ExtensionOptions {
  subscriptions: number;
  /** Assignments per subscription already in the document. */
  assignedEach: number;
  offlineEdits: number;
  /** Popup openings to take the median of. */
  popupRuns: number;
}

export interface ExtensionResult {
  popupJsGzipKiB: number;
  popupCssGzipKiB: number;
  subscriptions: number;
  assignments: number;
  /** The toolbar popup (see toolbar-popup.ts), from its navigation start, median of `popupRuns` openings. */
  popupInteractiveMs: number;
  /** When those cards were on screen: the popup's first contentful paint (same openings). */
  popupPaintMs: number;
  /** The floor under both: when the same popup holding an empty page runs its one script (as many openings). */
  emptyPopupScriptMs: number;
  /** From `chrome.action.openPopup()` until the popup's navigation starts: Chromium's part, before any of ours. */
  popupOpenToNavigationMs: number;
  /** popup.html opened in a tab instead, as measured before 2026-12-03. */
  tabInteractiveMs: number;
  offlineEdits: number;
  offlineConvergeMs: number;
  swColdStartToSyncedMs: number;
}

const BUILD_DIR = join(root, '.output', 'chrome-mv3');
const ORG_ID = 'org-bench';

/** What popup.html loads (its module, preloads and stylesheets), gzipped at level 9. */
export function popupSize(buildDir = BUILD_DIR): { js: number; css: number } {
  const html = readFileSync(join(buildDir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(join(buildDir, file)), { level: 9 }).byteLength;
  const sum = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((total, f) => total + gz(f), 0);
  return { js: sum('.js'), css: sum('.css') };
}

/**
 * The built extension in headless Chromium, signed in to a Seatkeeper server whose purchaser room
 * holds the demo history plus `subscriptions` subscriptions with `assignedEach` people each: the
 * extension gets them the way it gets any remote change, through sync into its own store, so the
 * popup reads what the real store projected. The server is reached through a loopback proxy that
 * can cut the network.
 */
export async function extensionBench(options: ExtensionOptions): Promise<ExtensionResult> {
  const size = popupSize();
  const data = tempDir('extension');
  const extDir = tempDir('extension-build');
  const profile = tempDir('profile');
  cpSync(BUILD_DIR, extDir.dir, { recursive: true });
  writeFileSync(join(extDir.dir, 'bench-empty.html'), '<!DOCTYPE html><html><head><script type="module" src="/bench-empty.js"></script></head><body></body></html>');
  writeFileSync(join(extDir.dir, 'bench-empty.js'), 'globalThis.interactiveAt = performance.now();');
  const assignees = Array.from({ length: options.assignedEach + 1 }, (_, i) => `buyer-${i + 1}`);
  const org = seatkeeperOrg(data.dir, ORG_ID, assignees.length + 1, 0);
  const purchaser = org.purchasers[0]!;
  const admin = OrgAdmin.open(data.dir);
  const code = (() => {
    try {
      appendChange(admin.store, { kind: 'purchaser', orgId: ORG_ID, personId: purchaser.personId }, (doc) =>
        applyChanges(doc, seedChanges(options.subscriptions, assignees.slice(0, options.assignedEach)), null),
      );
      return admin.createSignInCode(ORG_ID, purchaser.personId);
    } finally {
      admin.close();
    }
  })();
  const server = await startBenchServer('seatkeeper', data.dir);
  const proxy = await startProxy(Number(new URL(server.wsUrl).port));
  let context: BrowserContext | undefined;
  let devtools: DevTools | undefined;
  try {
    context = await launchWithExtension(profile.dir, extDir.dir, undefined, [DEVTOOLS_PORT_ARG]);
    devtools = await DevTools.connect(profile.dir);
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extUrl = (path: string) => `chrome-extension://${new URL(sw.url()).host}/${path}`;

    const options$ = await context.newPage();
    await options$.goto(extUrl('options.html'));
    const nav = options$.getByRole('navigation');
    await nav.getByRole('link', { name: 'Settings', exact: true }).or(nav.getByRole('tab', { name: 'Settings', exact: true })).or(nav.getByRole('button', { name: 'Settings', exact: true })).first().click();
    await options$.getByRole('textbox', { name: 'Sync server URL' }).fill(proxy.url);
    await options$.getByRole('textbox', { name: 'One-time code' }).fill(code);
    await options$.getByRole('button', { name: 'Sign in' }).click();
    await options$.getByRole('status').filter({ hasText: 'All changes synced' }).first().waitFor({ timeout: 60_000 });
    await options$.close();

    // The toolbar popup and, as its floor, the same popup holding an empty page, in turns that
    // alternate which goes first; then popup.html in a tab, as this figure was measured before.
    const popups: PopupOpening[] = [];
    const empties: PopupOpening[] = [];
    const inTab: number[] = [];
    const watcher = `(${WATCH_INTERACTIVE})(${options.subscriptions})`;
    for (let run = 0; run < options.popupRuns; run++) {
      const openPopup = async () => popups.push(await openToolbarPopup(devtools!, sw, 'popup.html', watcher));
      const openEmpty = async () => empties.push(await openToolbarPopup(devtools!, sw, 'bench-empty.html'));
      for (const open of run % 2 ? [openEmpty, openPopup] : [openPopup, openEmpty]) await open();
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      inTab.push(await popupInteractive(page, extUrl('popup.html'), options.subscriptions));
      await page.close();
    }
    const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

    // Edits made offline: one assignment on each of the first `offlineEdits` subscriptions, through the popup's own messages.
    proxy.setOnline(false);
    const popup = await context.newPage();
    await popupInteractive(popup, extUrl('popup.html'), options.subscriptions);
    const extra = assignees.at(-1)!;
    const failures = await popup.evaluate(
      async ({ edits, personId }) => {
        const replies = await Promise.all(
          Array.from({ length: edits }, (_, i) =>
            (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: 'command', name: 'assign', input: { subscriptionId: `sub-bench-${i}`, personIds: [personId] } }),
          ),
        );
        return replies.filter((reply) => !reply.ok).length;
      },
      { edits: options.offlineEdits, personId: extra },
    );
    if (failures) throw new Error(`${failures} offline edits were refused`);
    const [token] = await accessTokens(data.dir, [purchaser]);
    const observer = observe(server.wsUrl, purchaserRoom(purchaser), token!);
    await observer.synced();
    const holdsAll = () => {
      const subs = observer.doc.getMap<Y.Map<unknown>>('subscriptions');
      for (let i = 0; i < options.offlineEdits; i++) if (!(subs.get(`sub-bench-${i}`)?.get('assigned') as Y.Map<unknown>).has(extra)) return false;
      return true;
    };
    if (holdsAll()) throw new Error('the offline edits reached the server while offline');
    proxy.setOnline(true);
    const reconnectedAt = await proxy.nextRoomConnection('/purchaser/');
    while (!holdsAll()) await sleep(2);
    const offlineConvergeMs = performance.now() - reconnectedAt;
    observer.destroy();
    await popup.close();

    // Cold start: Chromium stops the idle worker; a popup opening starts it, and it reconnects by itself.
    await stopServiceWorker(context, new URL(sw.url()).host);
    const coldStart = performance.now();
    const since = new Date().toISOString();
    const woken = await context.newPage();
    await woken.goto(extUrl('popup.html'));
    await woken.waitForFunction(syncedSince, since, { polling: 10, timeout: 60_000 });
    const swColdStartToSyncedMs = performance.now() - coldStart;

    return {
      popupJsGzipKiB: size.js / 1024,
      popupCssGzipKiB: size.css / 1024,
      subscriptions: options.subscriptions,
      assignments: options.subscriptions * options.assignedEach,
      popupInteractiveMs: median(popups.map((p) => p.interactive)),
      popupPaintMs: median(popups.map((p) => p.painted)),
      emptyPopupScriptMs: median(empties.map((p) => p.interactive)),
      popupOpenToNavigationMs: median(popups.map((p) => p.toNavigation)),
      tabInteractiveMs: median(inTab),
      offlineEdits: options.offlineEdits,
      offlineConvergeMs,
      swColdStartToSyncedMs,
    };
  } finally {
    devtools?.disconnect();
    await context?.close().catch(() => undefined);
    proxy.close();
    await server.stop();
    for (const dir of [data, extDir, profile]) dir.remove();
  }
}

/** The demo history plus `count` active subscriptions like the demo's largest, each with `assignees` assigned. */
function seedChanges(count: number, assignees: readonly string[]): Change[] {
  const now = new Date().toISOString();
  const demo = demoSeedChanges(demoOrg(), now);
  const template = demo.find((c): c is Extract<Change, { op: 'put' }> => c.op === 'put' && c.collection === 'subscriptions' && c.fields.licenses === 100)!;
  const assigned = Object.fromEntries(assignees.map((id) => [id, now]));
  const subs = Array.from({ length: count }, (_, i): Change => ({
    op: 'put',
    collection: 'subscriptions',
    id: `sub-bench-${i}`,
    fields: { ...template.fields, id: `sub-bench-${i}`, licenses: 10, assigned },
  }));
  return [...demo, ...subs];
}

/**
 * Opens popup.html in a tab; returns the milliseconds from navigation until it was usable with all
 * `subscriptions` loaded (see WATCH_INTERACTIVE). The watcher is installed before the popup's
 * scripts, so the figure is the popup's own, not when Playwright got round to polling after `goto`.
 */
async function popupInteractive(page: Page, url: string, subscriptions: number): Promise<number> {
  const cdp = await runBeforePageScripts(page, `(${WATCH_INTERACTIVE})(${subscriptions})`);
  await page.goto(url);
  const at = await recordedAt(page);
  await cdp.detach();
  return at;
}

/** The page's `interactiveAt`, once its own script or the watcher below has set it. */
async function recordedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (globalThis as { interactiveAt?: number }).interactiveAt ?? 0, undefined, { timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

/**
 * Runs in the popup from its first frame: records the first frame whose list is usable with all
 * `count` subscriptions loaded (its cards with their buttons, and either every card or the count of
 * all of them: "Showing 20 of 1,005 subscriptions" above "Show more", so search and sort already
 * cover the whole set), and the start of the frame after it. A string, not a function's source:
 * tsx's transform adds helpers a page does not have.
 */
const WATCH_INTERACTIVE = `(count) => {
  const check = () => {
    const list = document.querySelector('[aria-label="Your subscriptions"]');
    const counted = /of ([\\d,]+) subscriptions/.exec(document.querySelector('.list-more [role="status"]')?.textContent ?? '');
    const total = counted ? Number(counted[1].replaceAll(',', '')) : (list?.querySelectorAll(':scope > li').length ?? 0);
    if (list?.querySelector('button') && total >= count) {
      globalThis.interactiveAt = performance.now();
      requestAnimationFrame(() => (globalThis.nextFrameAt = performance.now()));
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

/** Runs in the popup: whether the background recorded a completed sync after `since`. */
function syncedSince(since: string): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open('seatkeeper');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('meta').objectStore('meta').get('sync');
      get.onsuccess = () => {
        const sync = get.result?.value as { state?: string; waiting?: number; lastSyncedAt?: string } | undefined;
        db.close();
        resolve(sync?.state === 'online' && sync.waiting === 0 && !!sync.lastSyncedAt && sync.lastSyncedAt > since);
      };
      get.onerror = () => resolve(false);
    };
  });
}

async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
      if (ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  await page.close();
}

function observe(wsUrl: string, room: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, { params: { token }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  return {
    doc,
    synced: async () => {
      while (!provider.synced) await sleep(5);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * A TCP proxy in front of the server: offline, it drops every connection and refuses new ones, as
 * a lost network does. Reports when a WebSocket upgrade for a room path passes after going online.
 */
async function startProxy(target: number) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let online = true;
  let waiting: { prefix: string; resolve(at: number): void } | undefined;
  const server: Server = createServer((client) => {
    if (!online) return void client.destroy();
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.once('data', (head: Buffer) => {
      const line = head.toString('latin1', 0, 200);
      if (waiting && line.startsWith(`GET ${waiting.prefix}`)) {
        waiting.resolve(performance.now());
        waiting = undefined;
      }
      upstream.connect(target, '127.0.0.1', () => {
        upstream.write(head);
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    setOnline(value: boolean) {
      online = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
    nextRoomConnection: (prefix: string) => new Promise<number>((resolve) => (waiting = { prefix, resolve })),
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
