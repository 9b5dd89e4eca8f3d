import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { readFirstScreen } from '../../../extension/popup/first-screen';
import { readByName } from '../../../extension/popup/use-subscription-list';
import { PurchaserStore } from '../../../extension/store/purchaser-store';
import { memoryDb } from '../../fixtures/db';
import { putSubscription, subscription } from '../../fixtures/subscription';

describe('readFirstScreen', () => {
  it('reads what the popup opens on: the first cards by name, the count of all, and its meta rows', async () => {
    const { db, factory } = memoryDb();
    const store = new PurchaserStore(db);
    await store.open();
    await store.apply(['Zeta', 'Alpha', 'Mu'].map((productName, i) => putSubscription(subscription({ id: `s${i}`, productName, licenses: 3 }))));
    await db.meta.put({ key: 'sync', value: { state: 'online', waiting: 0, serverUrl: 'ws://127.0.0.1:1', name: 'Maya Okafor', role: 'purchaser' } });

    const first = await readFirstScreen(2, { factory, name: db.name });
    expect(first.list.first.map((s) => s.productName)).toEqual(['Alpha', 'Mu']);
    expect(first.list).toMatchObject({ matched: 3, total: 3 });
    // The same page the popup's live query then reads through Dexie, so the first render is not replaced by another.
    expect(first.list).toEqual(await readByName(2, db));
    expect(first.meta.sync).toMatchObject({ state: 'online' });
    expect(first.meta.waste?.totals).toEqual([expect.objectContaining({ unused: 9 })]);
    // Rows the background has not written are absent, so the page renders them as before.
    expect('notices' in first.meta).toBe(false);
    db.close();
  });

  it('counts the subscriptions itself in a database whose background has not stored their number yet', async () => {
    const { db, factory } = memoryDb();
    const store = new PurchaserStore(db);
    await store.open();
    await store.apply(['Zeta', 'Alpha', 'Mu'].map((productName, i) => putSubscription(subscription({ id: `s${i}`, productName }))));
    await db.meta.delete('subscriptionCount');

    const first = await readFirstScreen(2, { factory, name: db.name });
    expect(first.list).toMatchObject({ matched: 3, total: 3 });
    expect(first.list).toEqual(await readByName(2, db));
    db.close();
  });

  it('reads a database with nothing in it as no subscriptions', async () => {
    const { db, factory } = memoryDb();
    await db.open();
    expect(await readFirstScreen(20, { factory, name: db.name })).toEqual({ list: { first: [], matched: 0, total: 0 }, meta: {} });
    db.close();
  });

  it('leaves a database that does not exist yet to the background: it rejects and creates none', async () => {
    const factory = new IDBFactory();
    await expect(readFirstScreen(20, { factory, name: 'seatkeeper-test' })).rejects.toThrow();
    expect(await factory.databases()).toEqual([]);
  });
});
