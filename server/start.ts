/**
 * `npm start`: builds the Chrome extension and says how to load it.
 * The sync server is not part of this release; the extension works fully offline.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wxt = join(root, 'node_modules', '.bin', 'wxt');
const build = spawnSync(wxt, ['build', '-b', 'chrome'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const out = resolve(root, '.output', 'chrome-mv3');
console.log(`
Seatkeeper is built: ${out}

Load it in Chrome or Chromium:
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose ${out}
  4. Click the Seatkeeper icon in the toolbar (pin it from the puzzle-piece menu);
     the full console is the extension's Options page.

Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on
→ .output/firefox-mv3/manifest.json

The sync server comes with a later release; until then everything stays in this browser.
`);
