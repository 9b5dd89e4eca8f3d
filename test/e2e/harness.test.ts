/**
 * Checks the e2e harness itself: the extension loads in real Chromium, the storage dump finds text
 * inside binary Yjs updates, a restart keeps the profile, and axe runs on an extension page.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { seriousAxeViolations } from './harness/axe';
import { useExtension } from './harness/extension';

const ext = useExtension();

describe('e2e harness', () => {
  test('loads the extension and opens its popup', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const popup = await ext.openPopup();
    await expect.poll(() => popup.title()).toBe('Seatkeeper');
    await popup.close();
  });

  test('dumpStorage reads every database, decodes Yjs updates, and survives a restart', async () => {
    const doc = new Y.Doc();
    doc.getMap('probe').set('secret', 'harness-probe-4242');
    const update = Array.from(Y.encodeStateAsUpdate(doc));

    const page = await ext.newPage();
    await page.goto(ext.url('manifest.json'));
    await page.evaluate(async (bytes) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('harness-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('updates', { autoIncrement: true });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add({ update: new Uint8Array(bytes) });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      const { storage } = (globalThis as any).chrome;
      await storage.local.set({ probeLocal: 'local-value' });
      await storage.session.set({ probeSession: 'session-value' });
    }, update);
    await page.close();

    const dump = await ext.dumpStorage();
    expect(dump).toContain('harness-probe');
    expect(dump).toContain('harness-probe-4242');
    expect(dump).toContain('local-value');
    expect(dump).toContain('session-value');

    await ext.restartBrowser();
    const after = await ext.dumpStorage();
    expect(after).toContain('harness-probe-4242');
    expect(after).toContain('local-value');
    expect(after).not.toContain('session-value'); // session storage ends with the browser
  });

  test('axe runs inside the extension page despite its CSP', async () => {
    const popup = await ext.openPopup();
    await popup.evaluate(() => document.body.append(document.createElement('button')));
    const problems = await seriousAxeViolations(popup);
    expect(problems.map((p) => p.id)).toContain('button-name'); // an unnamed button is critical
    expect(await popup.evaluate(() => typeof (window as any).axe?.run)).toBe('function');
    await popup.close();
  });
});
