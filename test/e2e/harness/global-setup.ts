import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ADMIN_DIR, EXTENSION_DIR, ROOT } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A private copy of the build that the browsers load. */
    extensionDir: string;
  }
}

/**
 * Builds, once for the whole e2e run, the Chrome extension into .output/chrome-mv3 and the sync
 * server's admin console into .output/admin (admin-console.test.ts). The browsers load a private
 * copy of the extension: a rebuild of .output/chrome-mv3 while the tests run (npm start, another
 * test run in the same checkout) cannot pull files from under them.
 * Set SEATKEEPER_E2E_SKIP_BUILD=1 to reuse existing builds while iterating on tests.
 */
export default function setup(project: TestProject): () => void {
  const skip = process.env.SEATKEEPER_E2E_SKIP_BUILD === '1';
  if (!skip || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    run('wxt', ['build', '-b', 'chrome'], join(EXTENSION_DIR, 'manifest.json'));
  }
  const adminConfig = join(ROOT, 'admin', 'vite.config.ts');
  if (existsSync(adminConfig) && (!skip || !existsSync(join(ADMIN_DIR, 'index.html')))) {
    run('vite', ['build', '--config', adminConfig], join(ADMIN_DIR, 'index.html'));
  }
  const copy = mkdtempSync(join(tmpdir(), 'seatkeeper-extension-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  project.provide('extensionDir', copy);
  return () => rmSync(copy, { recursive: true, force: true });
}

/** Runs a build tool from node_modules/.bin and checks that it wrote `output`. */
function run(tool: string, args: string[], output: string): void {
  const started = Date.now();
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', tool), args, {
    cwd: ROOT,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test; inherited, it made Vite build a development bundle (Preact's
    // debug checks, the JSX dev runtime). The tests load what users install.
    env: { ...process.env, FORCE_COLOR: '0', CI: 'true', NODE_ENV: 'production' },
  });
  if (result.status !== 0 || !existsSync(output)) {
    throw new Error(`${tool} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`[e2e] ${tool} ${args[0]} wrote ${output} in ${Date.now() - started} ms`);
}
