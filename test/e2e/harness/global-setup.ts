import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EXTENSION_DIR, ROOT } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A private copy of the build that the browsers load. */
    extensionDir: string;
  }
}

/**
 * Builds the Chrome extension once for the whole e2e run, into .output/chrome-mv3, then loads a
 * private copy of it: a rebuild of .output/chrome-mv3 while the tests run (npm start, another test
 * run in the same checkout) cannot pull files from under the browsers.
 * Set SEATKEEPER_E2E_SKIP_BUILD=1 to reuse an existing build while iterating on tests.
 */
export default function setup(project: TestProject): () => void {
  if (process.env.SEATKEEPER_E2E_SKIP_BUILD !== '1' || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) build();
  const copy = mkdtempSync(join(tmpdir(), 'seatkeeper-extension-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  project.provide('extensionDir', copy);
  return () => rmSync(copy, { recursive: true, force: true });
}

function build(): void {
  const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
  const started = Date.now();
  const result = spawnSync(wxt, ['build', '-b', 'chrome'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', CI: 'true' },
  });
  if (result.status !== 0 || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`wxt build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`[e2e] built ${EXTENSION_DIR} in ${Date.now() - started} ms`);
}
