import { describe, expect, it } from 'vitest';
import { readFirstScreen } from '../../../extension/popup/first-screen';
import { PurchaserStore } from '../../../extension/store/purchaser-store';
import { memoryDb } from '../../fixtures/db';
import { putSubscription, subscription } from '../../fixtures/subscription';

describe('readFirstScreen', () => {
  it('reads what the popup opens on: the first cards by name, the count of all, and its meta rows', async () => {
    const { db } = memoryDb();
    const store = new PurchaserStore(db);
    await store.open();
    await store.apply(['Zeta', 'Alpha', 'Mu'].map((productName, i) => putSubscription(subscription({ id: `s${i}`, productName, licenses: 3 }))));
    await db.meta.put({ key: 'sync', value: { state: 'online', waiting: 0, serverUrl: 'ws://127.0.0.1:1', name: 'Maya Okafor', role: 'purchaser' } });

    const first = await readFirstScreen(2, db);
    expect(first.list.first.map((s) => s.productName)).toEqual(['Alpha', 'Mu']);
    expect(first.list).toMatchObject({ matched: 3, total: 3 });
    expect(first.meta.sync).toMatchObject({ state: 'online' });
    expect(first.meta.waste?.totals).toEqual([expect.objectContaining({ unused: 9 })]);
    // Rows the background has not written are absent, so the page renders them as before.
    expect('notices' in first.meta).toBe(false);
    db.close();
  });

  it('reads an empty database as no subscriptions', async () => {
    const { db } = memoryDb();
    expect(await readFirstScreen(20, db)).toEqual({ list: { first: [], matched: 0, total: 0 }, meta: {} });
    db.close();
  });
});
