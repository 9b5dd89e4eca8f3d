import WebSocket from 'ws';
import { createBackground } from '../../extension/background/background';
import type { SyncMeta } from '../../lib/sync/status';
import { memoryDb } from '../fixtures/db';
import { until } from '../fixtures/until';

/**
 * One browser's background, run in Node with real fetch and WebSocket: its own IndexedDB (in
 * memory), session storage and document, wired by the same createBackground as entrypoints/background. Not signed in.
 */
export async function nodeDevice(idPrefix: string) {
  const { db } = memoryDb();
  let saved: unknown;
  let n = 0;
  const { store, sync, service } = createBackground({
    db,
    sessions: { load: async () => saved, save: async (s) => void (saved = s), clear: async () => void (saved = undefined) },
    fetch: (url, init) => fetch(url, init),
    WebSocket,
    newId: () => `${idPrefix}-${Date.now()}-${++n}`,
  });
  await service.handle({ type: 'ready' });
  const meta = async () => (await db.meta.get('sync'))?.value as SyncMeta | undefined;
  const synced = (timeoutMs?: number) =>
    until(async () => {
      const m = await meta();
      return m?.state === 'online' && m.waiting === 0;
    }, 'all changes synced', timeoutMs);
  return { db, store, sync, service, meta, synced };
}
