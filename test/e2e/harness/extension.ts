/**
 * Real headless Chromium with the built extension (.output/chrome-mv3) loaded, through
 * playwright-core and the system Chromium. One browser per test file: call `useExtension()` at the
 * top of the file, or `launchExtension()` / `ext.close()` yourself.
 *
 * Nothing here talks to the background behind the UI's back: tests drive pages like a person, and
 * the storage dump only reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchWithExtension, runBeforePageScripts } from './chromium';
import { EXTENSION_DIR } from './paths';

/** The build the browsers load: the global setup's private copy, else .output/chrome-mv3 itself. */
const extensionDir = () => inject('extensionDir') ?? EXTENSION_DIR;

export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;
export const OPTIONS_VIEWPORT = { width: 1280, height: 900 } as const;

export interface LaunchOptions {
  /** Reuse a profile (cookies, IndexedDB, chrome.storage). A fresh tmp dir by default. */
  profileDir?: string;
}

export interface PageProblem {
  url: string;
  kind: 'pageerror' | 'console.error';
  text: string;
}

export class Extension {
  /** Uncaught exceptions and console errors of every page opened through this harness. */
  readonly problems: PageProblem[] = [];
  private ownsProfile: boolean;

  private constructor(
    public context: BrowserContext,
    public extensionId: string,
    readonly profileDir: string,
    ownsProfile: boolean,
  ) {
    this.ownsProfile = ownsProfile;
  }

  static async launch(options: LaunchOptions = {}): Promise<Extension> {
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'seatkeeper-profile-'));
    const { context, extensionId } = await startChromium(profileDir);
    return new Extension(context, extensionId, profileDir, !options.profileDir);
  }

  url(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  /** The extension's service worker (started again by Chromium when it was stopped). */
  async serviceWorker(): Promise<Worker> {
    return this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
  }

  /**
   * A new tab showing popup.html at the popup's size. `beforeScripts` is script source run in the page
   * before the popup's own, e.g. to watch what its first frames show.
   */
  async openPopup(options: { beforeScripts?: string } = {}): Promise<Page> {
    const page = await this.newPage(POPUP_VIEWPORT);
    if (options.beforeScripts) await runBeforePageScripts(page, options.beforeScripts);
    await page.goto(this.url('popup.html'));
    return page;
  }

  /**
   * A new tab showing the options console. With `section`, picks that section in the console's
   * navigation like a person would (a link, tab or button with that name).
   */
  async openOptions(section?: string): Promise<Page> {
    const page = await this.newPage(OPTIONS_VIEWPORT);
    await page.goto(this.url('options.html'));
    if (section) await gotoSection(page, section);
    return page;
  }

  async newPage(viewport: { width: number; height: number } = OPTIONS_VIEWPORT): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    page.on('pageerror', (err) => this.problems.push({ url: page.url(), kind: 'pageerror', text: String(err) }));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push({ url: page.url(), kind: 'console.error', text: msg.text() });
    });
    return page;
  }

  /**
   * Stops the extension's service worker, as Chromium does when it has been idle, and waits until
   * it is stopped. The next message from a page starts it again from scratch.
   */
  async stopServiceWorker(): Promise<void> {
    const page = await this.context.newPage();
    try {
      const cdp = await this.context.newCDPSession(page);
      const prefix = `chrome-extension://${this.extensionId}/`;
      let running = true;
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The service worker did not stop')), 10_000);
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const ours = versions.filter((v) => v.scriptURL.startsWith(prefix));
          running = ours.some((v) => v.runningStatus !== 'stopped');
          if (!running) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await cdp.detach();
    } finally {
      await page.close();
    }
  }

  /** Closes Chromium and starts it again on the same profile dir (a browser restart). */
  async restartBrowser(): Promise<void> {
    await this.context.close();
    const { context, extensionId } = await startChromium(this.profileDir);
    this.context = context;
    this.extensionId = extensionId;
  }

  /**
   * Everything the extension keeps, as one string: each IndexedDB database (every object store,
   * keys and values), chrome.storage.local, chrome.storage.session and localStorage.
   * Binary values (Yjs updates) appear as hex AND as text decodings, so a string written inside a
   * Yjs update (a card number, say) is found by a plain `includes`.
   */
  async dumpStorage(): Promise<string> {
    const page = await this.context.newPage();
    try {
      // An extension-origin document that runs none of the extension's code.
      await page.goto(this.url('manifest.json'));
      return await page.evaluate(dumpInPage);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    if (this.ownsProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

export const launchExtension = (options?: LaunchOptions) => Extension.launch(options);

/**
 * One browser for the whole test file: launched in beforeAll, closed in afterAll.
 * The returned object forwards to the live harness (it changes on `restartBrowser()`).
 */
export function useExtension(options?: LaunchOptions): Extension {
  let ext: Extension | undefined;
  beforeAll(async () => {
    ext = await Extension.launch(options);
  });
  afterAll(async () => {
    const problems = ext?.problems ?? [];
    await ext?.close();
    // An uncaught exception or console error in the extension's pages is a bug even when the
    // assertions passed; it fails the file (and counts as one failure in the summary line).
    if (problems.length) {
      throw new Error(`Errors in the extension's pages:\n${problems.map((p) => `${p.kind} ${p.url}: ${p.text}`).join('\n')}`);
    }
  });
  return new Proxy({} as Extension, {
    get(_target, prop) {
      if (!ext) throw new Error('The extension is not launched yet: use it inside a test or hook');
      const value = Reflect.get(ext, prop, ext);
      return typeof value === 'function' ? value.bind(ext) : value;
    },
  });
}

/**
 * Launches Chromium and waits for the extension's service worker, whose URL gives the extension id.
 * If it does not show up, tries one more launch before giving up.
 */
async function startChromium(profileDir: string): Promise<{ context: BrowserContext; extensionId: string }> {
  for (let attempt = 1; ; attempt++) {
    const context = await launch(profileDir);
    const sw = await waitForServiceWorker(context, 15_000);
    if (sw) return { context, extensionId: new URL(sw.url()).host };
    await context.close().catch(() => {});
    if (attempt === 2) throw new Error(`The extension's service worker did not start (extension: ${extensionDir()})`);
    console.warn('[e2e] the service worker did not start; launching Chromium again');
  }
}

async function waitForServiceWorker(context: BrowserContext, timeout: number): Promise<Worker | undefined> {
  const deadline = Date.now() + timeout;
  const event = context.waitForEvent('serviceworker', { timeout }).catch(() => undefined);
  while (Date.now() < deadline) {
    const sw = context.serviceWorkers()[0] ?? (await Promise.race([event, new Promise<undefined>((r) => setTimeout(r, 200))]));
    if (sw) return sw;
  }
  return context.serviceWorkers()[0];
}

function launch(profileDir: string): Promise<BrowserContext> {
  return launchWithExtension(profileDir, extensionDir(), OPTIONS_VIEWPORT);
}

/** Clicks the console's navigation entry named `section`. */
export async function gotoSection(page: Page, section: string): Promise<void> {
  const exact = { name: section, exact: true };
  const nav = page.getByRole('navigation');
  const candidates = [
    nav.getByRole('link', exact),
    nav.getByRole('tab', exact),
    nav.getByRole('button', exact),
    page.getByRole('tab', exact),
    page.getByRole('link', exact),
  ];
  await candidates[0]!.or(candidates[1]!).or(candidates[2]!).or(candidates[3]!).or(candidates[4]!).first().click();
  await page.getByRole('heading', { name: section, exact: true }).first().waitFor();
}

/** Runs in the extension page: reads every store of every database. Must not close over anything. */
async function dumpInPage(): Promise<string> {
  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  const latin1 = new TextDecoder('latin1');
  const encodeBinary = (bytes: Uint8Array) => ({
    $binary: bytes.length,
    hex: hex(bytes),
    utf8: utf8.decode(bytes),
    latin1: latin1.decode(bytes),
  });
  const plain = (value: unknown): unknown => {
    if (value instanceof Uint8Array) return encodeBinary(value);
    if (ArrayBuffer.isView(value)) return encodeBinary(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    if (value instanceof ArrayBuffer) return encodeBinary(new Uint8Array(value));
    if (value instanceof Date) return { $date: value.toISOString() };
    if (value instanceof Map) return { $map: [...value].map(([k, v]) => [plain(k), plain(v)]) };
    if (value instanceof Set) return { $set: [...value].map(plain) };
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
  };
  const request = <T,>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });

  const databases: Record<string, unknown> = {};
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(info.name!);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error(`open ${info.name} blocked`));
    });
    const stores: Record<string, unknown> = {};
    const names = Array.from(db.objectStoreNames);
    if (names.length) {
      const tx = db.transaction(names, 'readonly');
      for (const name of names) {
        const store = tx.objectStore(name);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        stores[name] = keys.map((key, i) => ({ key: plain(key), value: plain(values[i]) }));
      }
    }
    databases[info.name] = { version: info.version, stores };
    db.close();
  }
  // `chrome` of the extension page (no @types/chrome in this project).
  const storage = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(keys: null): Promise<object> }> } }).chrome.storage;
  const local = await storage.local.get(null);
  const session = await storage.session.get(null).catch((e: unknown) => ({ $error: String(e) }));
  const ls = Object.fromEntries(Object.entries(localStorage));
  return JSON.stringify(
    { indexedDB: databases, storageLocal: plain(local), storageSession: plain(session), localStorage: ls },
    null,
    1,
  );
}
