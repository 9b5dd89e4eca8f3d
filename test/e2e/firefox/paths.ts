import { join } from 'node:path';
import { ROOT } from '../harness/paths';

export { FIREFOX, ROOT } from '../harness/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Firefox global setup's private copy of .output/firefox-mv3. */
    firefoxExtensionDir: string;
  }
}

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const ADDON_ID = 'seatkeeper@seatkeeper.dev';
/**
 * Firefox gives each add-on a random moz-extension:// host per profile; the
 * extensions.webextensions.uuids pref pins it, so page URLs are known before the add-on installs.
 */
export const ADDON_UUID = '5ea7cee9-f1f0-4e2e-9a11-000000000001';
export const ORIGIN = `moz-extension://${ADDON_UUID}`;
