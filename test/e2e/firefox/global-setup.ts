import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIREFOX_EXTENSION_DIR, ROOT } from './paths';

/**
 * Builds the Firefox extension (.output/firefox-mv3) once for the whole Firefox run; a broken build
 * fails the run here, with the build's output. Firefox loads a private copy, so a rebuild of
 * .output/firefox-mv3 while the tests run (another run, `npm run build:firefox`) cannot pull files
 * from under it. SEATKEEPER_E2E_SKIP_BUILD=1 reuses an existing build while iterating on tests.
 */
export default function setup(project: TestProject): () => void {
  const manifest = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (process.env.SEATKEEPER_E2E_SKIP_BUILD !== '1' || !existsSync(manifest)) {
    const started = Date.now();
    const args = ['build', '-b', 'firefox', '--mv3'];
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', CI: 'true' },
    });
    // A manifest from an earlier build does not count: the tests would run an old extension.
    const fresh = existsSync(manifest) && statSync(manifest).mtimeMs >= started - 2_000;
    if (result.status !== 0 || !fresh) {
      const state = existsSync(manifest) ? (fresh ? 'written' : 'not rewritten') : 'missing';
      throw new Error(`wxt ${args.join(' ')} failed (exit ${result.status}, ${manifest} ${state}):\n${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}`);
    }
    console.log(`[e2e:firefox] wxt build -b firefox --mv3 wrote ${manifest} in ${Date.now() - started} ms`);
  }
  const copy = mkdtempSync(join(tmpdir(), 'seatkeeper-firefox-extension-'));
  cpSync(FIREFOX_EXTENSION_DIR, copy, { recursive: true });
  project.provide('firefoxExtensionDir', copy);
  return () => rmSync(copy, { recursive: true, force: true });
}
