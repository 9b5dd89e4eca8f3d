/**
 * Real headless Firefox ESR with the built extension (.output/firefox-mv3) installed as a temporary
 * add-on, driven through Firefox's built-in Marionette server (see ./marionette.ts). One browser
 * per test file: call `useFirefox()` at the top of the file.
 *
 * Pages are driven like a person would: find a button, link or field by what it says (text,
 * aria-label, its <label>), click it with a real WebDriver click, read the page's visible text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { freePort } from '../harness/free-port';
import { until } from '../harness/wait';
import { Marionette, type ElementRef } from './marionette';
import { ADDON_ID, ADDON_UUID, FIREFOX, FIREFOX_EXTENSION_DIR, ORIGIN } from './paths';

export { ORIGIN } from './paths';
export { until } from '../harness/wait';

const WAIT_MS = 10_000;

/** A part of the page: the elements matching `selector`, narrowed to the one(s) whose accessible name is `name`. */
export interface Scope {
  selector: string;
  name?: string | RegExp;
}

/** The open modal dialog (or pane) titled `name`. */
export const dialog = (name: string | RegExp): Scope => ({ selector: 'dialog[open]', name });

export interface ConsoleError {
  source: string;
  message: string;
  line?: number;
}

export interface UseFirefoxOptions {
  /**
   * Teardown that must wait until Firefox is gone, such as stopping a sync server the extension is
   * connected to (its reconnect errors would count as the extension's). Runs even when the launch
   * or the console check failed: a throwing afterAll hook skips the hooks after it.
   */
  afterClose?: () => Promise<void> | void;
}

interface WaitOptions {
  within?: Scope;
  timeout?: number;
}

export class Firefox {
  private closed = false;

  private constructor(
    readonly marionette: Marionette,
    private child: ChildProcess,
    readonly profileDir: string,
    private exited: Promise<void>,
  ) {}

  /** Starts Firefox on a fresh profile, opens a Marionette session and installs the add-on. */
  static async launch(): Promise<Firefox> {
    // The global setup's copy of the build; .output/firefox-mv3 itself when run without it.
    const extensionDir = inject('firefoxExtensionDir') ?? FIREFOX_EXTENSION_DIR;
    const port = await freePort();
    const prefs = userJs(port);
    const profileDir = mkdtempSync(join(tmpdir(), 'seatkeeper-firefox-'));
    writeFileSync(join(profileDir, 'user.js'), prefs);
    // Its own process group, so that close() can end the content processes with the parent.
    const child = spawn(FIREFOX, ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profileDir], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const killOnExit = () => killGroup(child, 'SIGKILL');
    process.once('exit', killOnExit);
    void exited.then(() => process.off('exit', killOnExit));

    let ff: Firefox | undefined;
    try {
      const marionette = await waitForMarionette(port, child, () => output, 30_000);
      ff = new Firefox(marionette, child, profileDir, exited);
      await marionette.newSession();
      await ff.captureConsoleApi();
      const id = await marionette.installAddon(extensionDir, true);
      if (id !== ADDON_ID) throw new Error(`Installed add-on ${id}, expected ${ADDON_ID}`);
      return ff;
    } catch (error) {
      if (ff) await ff.close();
      else {
        killGroup(child, 'SIGKILL');
        await exited;
        rmSync(profileDir, { recursive: true, force: true });
      }
      throw new Error(`Firefox did not start with the extension: ${(error as Error).message}\n${output.slice(-3000)}`);
    }
  }

  url(path: string): string {
    return `${ORIGIN}/${path.replace(/^\//, '')}`;
  }

  /**
   * Opens an extension page in a new tab and makes it the current one. Content pages may not open
   * moz-extension:// URLs, so the tab is added from the browser window (chrome context) with the
   * system principal; WebDriver's window handle of the new tab is the one that was not there before.
   */
  async openExtensionPage(path: string): Promise<string> {
    const m = this.marionette;
    const url = this.url(path);
    await m.setContext('content');
    const before = new Set(await m.getWindowHandles());
    await m.setContext('chrome');
    try {
      await m.executeScript(
        `const tab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
         gBrowser.selectedTab = tab;`,
        [url],
      );
    } finally {
      await m.setContext('content');
    }
    const handle = await until(async () => (await m.getWindowHandles()).find((h) => !before.has(h)), `a tab for ${url}`);
    await m.switchToWindow(handle);
    await until(
      () => m.executeScript<boolean>('return location.href === arguments[0] && document.readyState === "complete"', [url]),
      `${url} to load`,
    );
    return handle;
  }

  /** Closes the current tab and goes back to another one (there is always the first, blank tab). */
  async closeTab(): Promise<void> {
    const left = await this.marionette.closeWindow();
    if (left[0]) await this.marionette.switchToWindow(left[0]);
  }

  /** The visible text of the page, or of the first element matching `within`. */
  async text(within?: Scope): Promise<string> {
    return this.inPage<string>(`const el = within ? scopes(within)[0] : document.body; return el ? el.innerText : '';`, { within: scope(within) });
  }

  /** Waits until the page (or `within`) shows `pattern`; returns the text. */
  async waitForText(pattern: string | RegExp, { within, timeout = WAIT_MS }: WaitOptions = {}): Promise<string> {
    let text = '';
    const matches = () => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
    await until(
      async () => {
        text = await this.text(within);
        return matches();
      },
      `${within ? describeScope(within) : 'the page'} to show ${pattern}`,
      timeout,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nIt shows: ${text.slice(0, 800)}`);
    });
    return text;
  }

  /** Waits until nothing matches `what` (a dialog closed, a toast gone). */
  async waitForGone(what: Scope, timeout = WAIT_MS): Promise<void> {
    await until(
      async () => (await this.inPage<number>('return scopes(within).length;', { within: scope(what) })) === 0,
      `${describeScope(what)} to go away`,
      timeout,
    );
  }

  /** Waits until `what` is on the page. */
  async waitFor(what: Scope, timeout = WAIT_MS): Promise<void> {
    await until(async () => (await this.inPage<number>('return scopes(within).length;', { within: scope(what) })) > 0, describeScope(what), timeout);
  }

  /**
   * Clicks the one visible button, link, tab or menu item named `name` (its aria-label, its
   * aria-labelledby text, or its text), inside `within` and inside the open modal dialog if any.
   * Waits for it to appear; more than one match is an error (the test would not say what it clicks).
   */
  async click(name: string | RegExp, { within, timeout = WAIT_MS }: WaitOptions = {}): Promise<void> {
    const element = await this.findOne('clickable', name, within, timeout);
    await this.marionette.elementClick(element);
  }

  /**
   * Types `value` into the field labelled `label`: sets its value and dispatches `input` and
   * `change`, which is what Preact's onInput/onChange listen to.
   */
  async fill(label: string | RegExp, value: string, { within, timeout = WAIT_MS }: WaitOptions = {}): Promise<void> {
    const element = await this.findOne('field', label, within, timeout);
    await this.marionette.executeScript(
      `const el = arguments[0];
       el.focus();
       el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true }));
       el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [element, value],
    );
  }

  /**
   * Error-level messages of the browser console that come from the extension (its pages, its
   * background): uncaught exceptions and CSP violations (nsIConsoleService), and
   * console.error() calls (the console API's own storage). Browser chrome noise is left out.
   */
  async consoleErrors(): Promise<ConsoleError[]> {
    const m = this.marionette;
    // Forwarded console calls arrive asynchronously; give the last ones a moment.
    await sleep(250);
    await m.setContext('chrome');
    try {
      return await m.executeScript<ConsoleError[]>(CONSOLE_ERRORS, [ORIGIN]);
    } finally {
      await m.setContext('content');
    }
  }

  /**
   * console.error() calls are kept by the console API storage of the process that made them (the
   * extension process), out of reach of the chrome context: a process script, loaded into every
   * content process now and later, forwards the extension's error-level calls to this window.
   * Set up before the add-on installs, so the background's first calls are caught too.
   */
  private async captureConsoleApi(): Promise<void> {
    const m = this.marionette;
    await m.setContext('chrome');
    try {
      await m.executeScript(CAPTURE_CONSOLE_API, [PROCESS_SCRIPT(ORIGIN, ADDON_ID)]);
    } finally {
      await m.setContext('content');
    }
  }

  /** Ends the session, stops Firefox (SIGKILL if it does not quit) and deletes the profile. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Marionette:Quit ends the session and Firefox; a hung Firefox gets SIGKILL. The group is
    // killed either way: content processes normally leave with the parent, but must not outlive it.
    await Promise.race([this.marionette.quit().catch(() => {}), sleep(3_000)]);
    await Promise.race([this.exited, sleep(5_000)]);
    killGroup(this.child, 'SIGKILL');
    await this.exited;
    this.marionette.close();
    rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
  }

  private async findOne(kind: 'clickable' | 'field', name: string | RegExp, within: Scope | undefined, timeout: number): Promise<ElementRef> {
    let last: { count: number; names: string[] } = { count: 0, names: [] };
    const what = `${kind === 'field' ? 'a field labelled' : 'something to click named'} ${name}${within ? ` in ${describeScope(within)}` : ''}`;
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const found = await this.inPage<{ element?: ElementRef; count: number; names: string[] }>(FIND_ONE, { kind, name: pattern(name), within: scope(within) });
        if (found.count === 1 && found.element) return found.element;
        last = found;
        if (found.count > 1) throw new Error(`${found.count} matches for ${what}`);
      } catch (error) {
        if ((error as Error).message.includes('matches for')) throw error;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; the page has: ${last.names.slice(0, 40).join(' | ')}`);
      await sleep(100);
    }
  }

  /** Runs `body` in the page with the in-page helpers and `vars` in scope. */
  private inPage<T>(body: string, vars: Record<string, unknown>): Promise<T> {
    const names = Object.keys(vars);
    const script = `${IN_PAGE}\nconst [${names.join(', ')}] = arguments;\n${body}`;
    return this.marionette.executeScript<T>(script, names.map((n) => vars[n] ?? null));
  }
}

/**
 * One browser for the whole test file: launched in beforeAll, closed in afterAll (also when a test
 * failed). An error from the extension in the browser console fails the file, as in the Chromium
 * harness, even when every assertion passed.
 */
export function useFirefox(options: UseFirefoxOptions = {}): Firefox {
  let ff: Firefox | undefined;
  beforeAll(async () => {
    ff = await Firefox.launch();
  });
  // A failed step often has its cause in the console (a refused connection, an exception in the
  // background): print it with the failure instead of only at the end of the file.
  afterEach(async (context) => {
    if (!ff || context.task.result?.state !== 'fail') return;
    const errors = await ff.consoleErrors().catch((error: Error) => [{ source: 'consoleErrors()', message: error.message }]);
    if (errors.length) console.error(`[e2e:firefox] the extension's console errors so far:\n${formatErrors(errors)}`);
  });
  afterAll(async () => {
    let errors: ConsoleError[] = [];
    try {
      if (ff) errors = await ff.consoleErrors();
    } finally {
      try {
        await ff?.close();
      } finally {
        await options.afterClose?.();
      }
    }
    if (errors.length) throw new Error(`Errors from the extension in Firefox's console:\n${formatErrors(errors)}`);
  });
  return new Proxy({} as Firefox, {
    get(_target, prop) {
      if (!ff) throw new Error('Firefox is not launched yet: use it inside a test or hook');
      const value = Reflect.get(ff, prop, ff);
      return typeof value === 'function' ? value.bind(ff) : value;
    },
  });
}

/** One line per distinct error, with how often it happened (a reconnect loop repeats itself). */
export function formatErrors(errors: ConsoleError[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const line = `${e.source}${e.line ? `:${e.line}` : ''}: ${e.message}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line} (×${n})` : line)).join('\n');
}


function userJs(port: number): string {
  const prefs: Record<string, string | number | boolean> = {
    'marionette.port': port,
    'xpinstall.signatures.required': false,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // No first-run, welcome or default-browser pages and prompts.
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': '',
    'startup.homepage_welcome_url.additional': '',
    'browser.newtabpage.enabled': false,
    'browser.tabs.warnOnClose': false,
    'browser.warnOnQuit': false,
    'browser.sessionstore.resume_from_crash': false,
    'toolkit.startup.max_resumed_crashes': -1,
    // No updates of the app, add-ons, search engines, blocklists or remote settings.
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.update.checkInstallTime': false,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'browser.search.update': false,
    'services.settings.server': 'data:,#remote-settings-disabled',
    'app.normandy.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    // No telemetry or data reporting.
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.discovery.enabled': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'dom.ipc.reportProcessHangs': false,
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}


async function waitForMarionette(port: number, child: ChildProcess, output: () => string, timeout: number): Promise<Marionette> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Firefox exited (${child.exitCode ?? child.signalCode}) before Marionette listened on ${port}`);
    }
    try {
      return (await Marionette.connect(port, '127.0.0.1', 5_000)).client;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Marionette did not answer on port ${port}: ${(error as Error).message}\n${output().slice(-2000)}`);
    }
    await sleep(100);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pattern(name: string | RegExp): { source: string; flags: string } | { text: string } {
  return typeof name === 'string' ? { text: name } : { source: name.source, flags: name.flags };
}

function scope(within: Scope | undefined): { selector: string; name: ReturnType<typeof pattern> | null } | null {
  return within ? { selector: within.selector, name: within.name === undefined ? null : pattern(within.name) } : null;
}

function describeScope(s: Scope): string {
  return s.name === undefined ? s.selector : `${s.selector} named ${s.name}`;
}

/**
 * Helpers defined in front of every in-page script (plain JS: it is sent as text). "Visible" means
 * rendered and not inert; the accessible name is a simplified version of what a screen reader reads.
 */
const IN_PAGE = String.raw`
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const matches = (p, s) => (p.text !== undefined ? norm(s) === norm(p.text) : new RegExp(p.source, p.flags).test(norm(s)));
const visible = (el) => el.getClientRects().length > 0 && !el.closest('[inert], [hidden], [aria-hidden="true"]');
const byIds = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(' ');
const accessibleName = (el) => {
  if (el.getAttribute('aria-labelledby')) return norm(byIds(el.getAttribute('aria-labelledby')));
  if (el.getAttribute('aria-label')) return norm(el.getAttribute('aria-label'));
  if (el.matches('input, select, textarea')) {
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
    return norm(labels || el.getAttribute('placeholder') || el.getAttribute('title') || '');
  }
  return norm(el.textContent || el.getAttribute('title') || '');
};
const topModal = () => [...document.querySelectorAll('dialog')].filter((d) => d.matches(':modal')).pop() || null;
const scopes = (within) => {
  if (!within) return [document.body];
  return [...document.querySelectorAll(within.selector)].filter((el) => (el.matches('dialog') ? el.open : visible(el)) && (!within.name || matches(within.name, accessibleName(el))));
};
`;

const FIND_ONE = String.raw`
const selector = kind === 'field'
  ? 'input:not([type="hidden"]), select, textarea'
  : 'button, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="menuitemradio"], [role="option"], input[type="submit"], input[type="button"], input[type="checkbox"], input[type="radio"]';
const modal = topModal();
const roots = scopes(within);
const all = [];
for (const root of roots) for (const el of root.querySelectorAll(selector)) if (!all.includes(el)) all.push(el);
// Behind a modal dialog the page is inert: a person cannot click or type there.
const reachable = all.filter((el) => visible(el) && !el.disabled && (!modal || modal.contains(el)));
const found = reachable.filter((el) => matches(name, accessibleName(el)));
return { element: found.length === 1 ? found[0] : undefined, count: found.length, names: reachable.map(accessibleName) };
`;

const MESSAGE = 'seatkeeper-e2e:console-error';

/** Chrome context: collects what PROCESS_SCRIPT forwards on the browser window, which stays open. */
const CAPTURE_CONSOLE_API = String.raw`
const [script] = arguments;
if (!window.__seatkeeperConsoleErrors) {
  const errors = (window.__seatkeeperConsoleErrors = []);
  Services.ppmm.addMessageListener('${MESSAGE}', (message) => void errors.push(message.data));
  Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(script), true);
}
`;

/** Runs in each content process; ConsoleAPIStorage hands every console call of that process to the listener. */
const PROCESS_SCRIPT = (origin: string, addonId: string) => String.raw`
const origin = ${JSON.stringify(origin)};
const addonId = ${JSON.stringify(addonId)};
const text = (a) => {
  try {
    if (typeof a === 'string') return a;
    if (a && typeof a === 'object' && 'message' in a) return String(a.name || 'Error') + ': ' + String(a.message);
    return JSON.stringify(a) ?? String(a);
  } catch (e) {
    return String(a);
  }
};
Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).addLogEventListener((event) => {
  const e = event.wrappedJSObject || event;
  if (e.level !== 'error') return;
  const source = e.filename || '';
  if (!source.startsWith(origin) && e.addonId !== addonId) return;
  sendAsyncMessage('${MESSAGE}', { source, line: e.lineNumber, message: 'console.error: ' + (e.arguments || []).map(text).join(' ') });
}, Services.scriptSecurityManager.getSystemPrincipal());
`;

/** Chrome context: arguments are the extension's origin. */
const CONSOLE_ERRORS = String.raw`
const [origin] = arguments;
const out = [];
for (const m of Services.console.getMessageArray() || []) {
  if (!(m instanceof Ci.nsIScriptError)) continue;
  if (m.logLevel !== Ci.nsIConsoleMessage.error) continue;
  const source = m.sourceName || '';
  const message = m.errorMessage || m.message || '';
  if (!source.includes(origin) && !message.includes(origin)) continue;
  out.push({ source, message, line: m.lineNumber });
}
return out.concat(window.__seatkeeperConsoleErrors || []);
`;
