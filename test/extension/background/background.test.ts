import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../extension/background/background';
import { memoryDb } from '../../fixtures/db';

describe('createBackground', () => {
  it('works locally before any sign-in: the demo is seeded, a command is stored and projected, nothing is fetched', async () => {
    const { db } = memoryDb();
    let n = 0;
    const fetched: string[] = [];
    const { store, service } = createBackground({
      db,
      sessions: { load: async () => undefined, save: async () => undefined, clear: async () => undefined },
      fetch: async (url) => {
        fetched.push(String(url));
        throw new Error('offline');
      },
      WebSocket: class {},
      newId: () => `id-${++n}`,
    });
    expect(await service.handle({ type: 'ready' })).toMatchObject({ ok: true });
    expect((await db.meta.get('sync'))?.value).toMatchObject({ state: 'local' });

    const sub = (await db.subscriptions.toArray()).find((s) => s.licenses === 100)!;
    expect(await service.handle({ type: 'command', name: 'setLicenses', input: { subscriptionId: sub.id, total: 105 } })).toMatchObject({ ok: true });
    expect((await db.subscriptions.get(sub.id))?.licenses).toBe(105);
    expect(store.doc.getMap('subscriptions').size).toBeGreaterThan(0);
    expect(fetched).toEqual([]);
  });
});
