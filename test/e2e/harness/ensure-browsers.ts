/**
 * `npm test`'s first step (npm's `pretest`): the end-to-end tests drive the system's Chromium and
 * Firefox ESR (playwright-core and Marionette cannot download browsers here). A missing browser is
 * installed from Debian's packages when this runs as root with apt-get; otherwise it stops before
 * any test runs, with the one command that installs it, instead of failing every e2e file at launch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX } from './paths';

const wanted = [
  { name: 'Chromium', path: CHROMIUM, pkg: 'chromium', env: 'CHROMIUM_PATH' },
  { name: 'Firefox ESR', path: FIREFOX, pkg: 'firefox-esr', env: 'FIREFOX_PATH' },
];
const missing = wanted.filter((browser) => !existsSync(browser.path));
if (missing.length) {
  const names = missing.map((browser) => `${browser.name} (${browser.path})`).join(' and ');
  const packages = missing.map((browser) => browser.pkg).join(' ');
  const command = `sudo apt-get update && sudo apt-get install -y ${packages}`;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() !== 0 || !hasApt) {
    console.error(`The end-to-end tests need ${names}, which is not installed. Install it with:\n\n  ${command}\n`);
    console.error(`(or point ${missing.map((browser) => browser.env).join(' / ')} at an installed one), then run npm test again.`);
    process.exit(1);
  }
  console.log(`[npm test] ${names} missing: installing Debian's ${packages} with apt-get (once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing.map((browser) => browser.pkg)]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}). Install the browsers with:\n\n  ${command}\n`);
      process.exit(1);
    }
  }
  const still = missing.filter((browser) => !existsSync(browser.path));
  if (still.length) {
    console.error(`apt-get finished but ${still.map((browser) => browser.path).join(' and ')} is still missing.`);
    process.exit(1);
  }
}
