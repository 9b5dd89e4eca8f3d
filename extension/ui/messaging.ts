import { browser } from 'wxt/browser';
import type { CommandName, Request, Response } from '../../lib/messaging/requests';

export const NO_ANSWER =
  'Seatkeeper’s background service did not answer. Reload the extension from the browser’s extensions page, then try again.';

/**
 * The shape check of lib/messaging/requests' `Response` schema, written out by hand: parsing with the
 * zod/mini schema itself costs the popup ~3 KB gzipped of its 50 KB budget for a two-variant union.
 */
export function parseResponse(reply: unknown): Response | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  const r = reply as Record<string, unknown>;
  if (r.ok === true && typeof r.message === 'string' && typeof r.canUndo === 'boolean') {
    return { ok: true, message: r.message, canUndo: r.canUndo };
  }
  if (r.ok === false && typeof r.errors === 'object' && r.errors !== null && !Array.isArray(r.errors)) {
    const errors: Record<string, string> = {};
    for (const [key, value] of Object.entries(r.errors)) if (typeof value === 'string') errors[key] = value;
    return { ok: false, errors };
  }
  return undefined;
}

/**
 * Sends one request to the background and checks the reply against the Response schema. Rejects with
 * a readable Error when nothing answers or the answer is not a Response.
 */
export async function send(request: Request, timeoutMs = 15_000): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply: unknown = await Promise.race([
      browser.runtime.sendMessage(request),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(NO_ANSWER)), timeoutMs);
      }),
    ]);
    const parsed = parseResponse(reply);
    if (!parsed) throw new Error(NO_ANSWER);
    return parsed;
  } catch (error) {
    if (error instanceof Error && error.message === NO_ANSWER) throw error;
    throw new Error(NO_ANSWER, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Like `send`, but never rejects: a missing background comes back as a form-level error. */
export async function sendSafely(request: Request): Promise<Response> {
  try {
    return await send(request);
  } catch (error) {
    return { ok: false, errors: { form: error instanceof Error ? error.message : NO_ANSWER } };
  }
}

/** Runs a command in the background: the input is the form's values, typed per lib/commands/inputs.ts. */
export function command<I>(name: CommandName, input: I): Promise<Response> {
  return sendSafely({ type: 'command', name, input });
}

/** Reverts the purchaser's last command (the toast's Undo). */
export function undoLastCommand(): Promise<Response> {
  return sendSafely({ type: 'undo' });
}

let readyPromise: Promise<Response> | undefined;

/** Wakes the background (it seeds the demo data on first run). Safe to call many times. */
export function ready(): Promise<Response> {
  readyPromise ??= sendSafely({ type: 'ready' }).then((r) => {
    if (!r.ok) readyPromise = undefined;
    return r;
  });
  return readyPromise;
}
