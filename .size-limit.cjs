// The popup budget counts exactly the scripts popup.html loads (its entry and the shared chunks it
// preloads): chunk names change with every build, and chunks only the background or the options
// page load must not count against the popup.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const outDir = join(__dirname, '.output/chrome-mv3');
const html = readFileSync(join(outDir, 'popup.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => join(outDir, m[1]));

module.exports = [{ name: 'popup JS (everything popup.html loads)', path: scripts, gzip: true, limit: '50 KB' }];
