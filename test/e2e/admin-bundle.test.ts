/**
 * The admin console is a page of the sync server, not of the extension: its built bundle must not
 * carry Dexie or open any IndexedDB database (the e2e global setup has just built .output/admin).
 * The same markers do appear in the extension's build, which shows the check can see Dexie.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_DIR, EXTENSION_DIR } from './harness/paths';

/** Names Dexie's minified build keeps (its error classes, its own name in messages). */
const DEXIE_MARKERS = ['DatabaseClosedError', 'Dexie'];

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

describe('the admin console bundle', () => {
  it('contains no Dexie and no IndexedDB, while the extension build does', () => {
    const admin = scripts(ADMIN_DIR);
    expect(admin.length).toBeGreaterThan(0);
    for (const marker of [...DEXIE_MARKERS, 'indexedDB']) expect(admin.some((code) => code.includes(marker)), marker).toBe(false);
    expect(scripts(EXTENSION_DIR).some((code) => DEXIE_MARKERS.every((marker) => code.includes(marker)))).toBe(true);
  });
});
