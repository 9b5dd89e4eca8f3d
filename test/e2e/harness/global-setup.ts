import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, ROOT } from './paths';

/**
 * Builds the Chrome extension once for the whole e2e run, into .output/chrome-mv3.
 * Set SEATKEEPER_E2E_SKIP_BUILD=1 to reuse an existing build while iterating on tests.
 */
export default function setup(): void {
  if (process.env.SEATKEEPER_E2E_SKIP_BUILD === '1' && existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
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
