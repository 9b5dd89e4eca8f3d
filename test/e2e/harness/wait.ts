/**
 * Waiting helpers for vitest + playwright-core (which has no auto-retrying `expect`).
 * Each waits for what a person would see, with a readable failure.
 */
import type { Locator, Page } from 'playwright-core';

const TIMEOUT = 10_000;

export async function visible(locator: Locator, timeout = TIMEOUT): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

export async function gone(locator: Locator, timeout = TIMEOUT): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Waits until `fn` returns a truthy value and returns it. */
export async function until<T>(fn: () => Promise<T> | T, what: string, timeout = TIMEOUT): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the locator's text (all matches joined) matches `pattern`; returns that text. */
export async function textMatches(locator: Locator, pattern: RegExp | string, timeout = TIMEOUT): Promise<string> {
  let text = '';
  await until(
    async () => {
      text = (await locator.allInnerTexts()).join('\n');
      return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    },
    `${locator} to show ${pattern}`,
    timeout,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\nIt shows: ${text.slice(0, 500)}`);
  });
  return text;
}

export async function countIs(locator: Locator, n: number, timeout = TIMEOUT): Promise<void> {
  let last = -1;
  await until(async () => (last = await locator.count()) === n, `${locator} count ${n}`, timeout).catch((error: Error) => {
    throw new Error(`${error.message}; it is ${last}`);
  });
}

/** The visible text of a whole page, for coarse "does the user see X" checks. */
export function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}
