/**
 * `npm start`: builds the Chrome extension and the admin console, then runs the sync server on
 * 127.0.0.1:8787 with its data in .data/, creating the demo organization on first start.
 * Prints how to load the extension, the admin console's address and fresh one-time sign-in codes
 * for the demo purchaser and admin.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app';
import { OrgAdmin } from './org-admin';

const HOST = '127.0.0.1';
const PORT = 8787;

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
for (const [command, args] of [
  [bin('wxt'), ['build', '-b', 'chrome']],
  [bin('vite'), ['build', '--config', 'admin/vite.config.ts']],
] as const) {
  const build = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = resolve(root, '.data');
const orgAdmin = OrgAdmin.open(dataDir);
const demo = orgAdmin.seedDemo();
const purchaserCode = orgAdmin.createSignInCode(demo.purchaser.orgId, demo.purchaser.id);
const adminCode = orgAdmin.createSignInCode(demo.admin.orgId, demo.admin.id);
orgAdmin.close();

const server = await startServer({ dataDir, port: PORT, host: HOST });
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

Sync server: ${server.url} (data in ${dataDir}${demo.created ? ', demo organization created' : ''})
Admin console: ${server.url}/admin

One-time sign-in codes (valid 24 hours, each works once; new ones are printed at every start):
  ${demo.purchaser.displayName}, purchaser: ${purchaserCode}
  ${demo.admin.displayName}, IT admin:     ${adminCode}

Sign in:
  Purchaser: in the extension's console open Settings, keep the sync server URL ${server.url},
             enter ${demo.purchaser.displayName}'s code and click Sign in.
  IT admin:  open ${server.url}/admin and enter ${demo.admin.displayName}'s code.

More people and codes: npm run cli -- help. Stop with Ctrl+C.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
