import { defineConfig } from 'vitest/config';

/**
 * Four projects; the browser ones run after the others and one after the other (`sequence.groupOrder`)
 * so that a browser never competes with unit workers or the other browser on the 2-core machine:
 * - `unit`: everything under test/ except test/e2e and test/server, in Node.
 * - `server`: test/server, the sync server's unit tests and integration tests against real server
 *   processes on loopback ports; longer timeouts, because each file starts its own servers.
 * - `e2e`: test/e2e, against the real built extension in headless Chromium. Its global setup runs
 *   `wxt build` once; files run one at a time, each file reuses one browser.
 * - `firefox`: test/e2e/firefox, the Firefox build (`wxt build -b firefox --mv3`, built by its global
 *   setup) in headless Firefox ESR, driven through Firefox's own Marionette protocol.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/reporters/summary.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/server/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/firefox/**', '**/node_modules/**'],
          globalSetup: ['./test/e2e/harness/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'firefox',
          environment: 'node',
          include: ['test/e2e/firefox/**/*.test.ts'],
          globalSetup: ['./test/e2e/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
