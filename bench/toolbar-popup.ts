import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import WebSocket from 'ws';
import { until } from '../test/e2e/harness/wait';
import { sleep } from './proc';

/** The flag that makes Chromium write its DevTools endpoint into the profile (`DevToolsActivePort`). */
export const DEVTOOLS_PORT_ARG = '--remote-debugging-port=0';

/** How long an opening may take before the bench gives up on it, as the tab's waits do. */
const OPENING_TIMEOUT_MS = 60_000;

/** One opening of the toolbar popup, every figure in milliseconds. */
export interface PopupOpening {
  /** From `chrome.action.openPopup()` until the popup's navigation started: Chromium's own part. */
  toNavigation: number;
  /** From navigation start until the page's watcher (or, in an empty page, its one script) set `interactiveAt`. */
  interactive: number;
  /**
   * From navigation start until the watcher's frame was on screen: the first contentful paint, or
   * the start of the frame after the watcher's when the page had painted something before it. NaN
   * for a page without a watcher.
   */
  painted: number;
}

/**
 * Opens the extension's real toolbar popup, as a click on its button does (`chrome.action.openPopup`
 * from the service worker), with `page` as its page, and closes it again once `interactiveAt` is
 * set and, with a `watcher`, the page has painted. `watcher` runs in the popup before its own
 * scripts (an empty page sets `interactiveAt` itself and gets none): Playwright does not list a
 * toolbar popup among its pages, so a DevTools session of our own attaches to it while Chromium
 * holds it at its start. Measured so rather than as a page in a tab: a new tab first loads
 * about:blank in another process, whose teardown competes with the popup's own files for the
 * browser's main thread (first paint 156 ms in a tab against 128 ms as the popup, medians of 20
 * openings each, side by side).
 */
export async function openToolbarPopup(devtools: DevTools, sw: Worker, page: string, watcher?: string): Promise<PopupOpening> {
  const attached = devtools.nextPopup(page, watcher);
  const openedAt = await sw.evaluate(async (popup) => {
    const { action } = (globalThis as unknown as { chrome: { action: { setPopup(d: { popup: string }): Promise<void>; openPopup(): Promise<void> } } }).chrome;
    await action.setPopup({ popup });
    // Refused while the window is still closing the last popup: asked again a little later.
    for (let attempt = 1; ; attempt++) {
      const at = performance.timeOrigin + performance.now();
      try {
        await action.openPopup();
        return at;
      } catch (error) {
        if (attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }, page);
  let timer: NodeJS.Timeout | undefined;
  const { sessionId, targetId } = await Promise.race([
    attached,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${page} did not open as the toolbar popup`)), OPENING_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  try {
    // Each look is a task on the popup's main thread: `until` looks every 100 ms, not more often.
    return await until(
      async () => {
        const seen = JSON.parse(await devtools.evaluate(sessionId, SEEN)) as { origin: number; interactiveAt?: number; nextFrameAt?: number; fcp?: number };
        const painted = seen.interactiveAt === undefined || seen.fcp === undefined ? undefined : seen.fcp >= seen.interactiveAt ? seen.fcp : seen.nextFrameAt;
        if (seen.interactiveAt === undefined || (watcher && painted === undefined)) return undefined;
        return { toNavigation: seen.origin - openedAt, interactive: seen.interactiveAt, painted: watcher ? painted! : Number.NaN };
      },
      `${page} as the toolbar popup to be interactive${watcher ? ' and painted' : ''}`,
      OPENING_TIMEOUT_MS,
    );
  } finally {
    await devtools.close({ sessionId, targetId });
  }
}

/** What the popup's page has recorded, as JSON: its time origin, the watcher's marks, its first contentful paint. */
const SEEN = `JSON.stringify({
  origin: performance.timeOrigin,
  interactiveAt: globalThis.interactiveAt,
  nextFrameAt: globalThis.nextFrameAt,
  fcp: performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')?.startTime,
})`;

/** The port and path Chromium wrote into the profile, once it has. */
async function activePort(profileDir: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim();
    } catch (error) {
      if (attempt === 100) throw error;
      await sleep(50);
    }
  }
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; sessionId?: string; result?: Record<string, unknown>; error?: { message: string } };

/**
 * A DevTools protocol connection to the whole browser, with flattened sessions: playwright-core's
 * own CDP sessions cannot address the session of a target it does not list. A few lines over the
 * ws package the product already uses, not another dependency.
 */
export class DevTools {
  private nextId = 1;
  private readonly replies = new Map<number, { resolve(m: Message): void; reject(e: Error): void }>();
  private waiting: ((m: Message) => void) | undefined;
  private readonly detached = new Map<string, () => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.receive(JSON.parse(data.toString('utf8')) as Message));
  }

  /**
   * Connects to the browser whose profile is `profileDir` (started with DEVTOOLS_PORT_ARG) and
   * attaches to every target it opens from then on, each held at its start until let go.
   */
  static async connect(profileDir: string): Promise<DevTools> {
    const [port, path] = (await activePort(profileDir)).split('\n');
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const devtools = new DevTools(socket);
    await devtools.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    return devtools;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise<Message>((resolve, reject) => this.replies.set(id, { resolve, reject })).then((m) => m.result ?? {});
  }

  /** The value of `expression` (a string) in the page of `sessionId`. */
  async evaluate(sessionId: string, expression: string): Promise<string> {
    const reply = (await this.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as { result?: { value?: string } };
    return reply.result?.value ?? '{}';
  }

  /**
   * The session of the next target to open `page`: while Chromium holds it at its start, `watcher`
   * is installed to run before the page's scripts, then it is let go. Any other target held meanwhile
   * is let go untouched.
   */
  nextPopup(page: string, watcher: string | undefined): Promise<{ sessionId: string; targetId: string }> {
    return new Promise((resolve) => {
      this.waiting = (m) => {
        const { sessionId, targetInfo } = m.params as { sessionId: string; targetInfo: { targetId: string; type: string; url: string } };
        const ours = (targetInfo.type === 'page' || targetInfo.type === 'other') && (targetInfo.url === '' || targetInfo.url === 'about:blank' || targetInfo.url.endsWith(`/${page}`));
        void (async () => {
          if (ours) this.waiting = undefined;
          if (ours && watcher) {
            await this.send('Page.enable', {}, sessionId);
            await this.send('Page.addScriptToEvaluateOnNewDocument', { source: watcher }, sessionId);
          }
          await this.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
          if (ours) resolve({ sessionId, targetId: targetInfo.targetId });
        })();
      };
    });
  }

  /** Closes an attached target and resolves once its session has ended with it. */
  async close({ sessionId, targetId }: { sessionId: string; targetId: string }): Promise<void> {
    const gone = new Promise<void>((resolve) => this.detached.set(sessionId, resolve));
    await this.send('Target.closeTarget', { targetId });
    await gone;
  }

  disconnect(): void {
    this.socket.close();
  }

  private receive(m: Message): void {
    if (m.id !== undefined) {
      const reply = this.replies.get(m.id);
      this.replies.delete(m.id);
      if (m.error) reply?.reject(new Error(m.error.message));
      else reply?.resolve(m);
    } else if (m.method === 'Target.detachedFromTarget') {
      const { sessionId } = m.params as { sessionId: string };
      this.detached.get(sessionId)?.();
      this.detached.delete(sessionId);
    } else if (m.method === 'Target.attachedToTarget') {
      const params = m.params as { sessionId: string; waitingForDebugger: boolean };
      if (this.waiting) this.waiting(m);
      else if (params.waitingForDebugger) void this.send('Runtime.runIfWaitingForDebugger', {}, params.sessionId);
    }
  }
}
