import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const ADMIN_DIR = join(ROOT, '.output', 'admin');
export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
