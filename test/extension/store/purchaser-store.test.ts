import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readState } from '../../../lib/doc/read';
import { PurchaserStore } from '../../../extension/store/purchaser-store';
import { COMPACT_AFTER_ROWS } from '../../../extension/store/update-log';
import { memoryDb } from '../../fixtures/db';
import { putSubscription, subscription } from '../../fixtures/subscription';

async function openStore(factory?: Parameters<typeof memoryDb>[0]) {
  const { db, factory: f } = memoryDb(factory);
  const store = new PurchaserStore(db);
  const hadData = await store.open();
  return { db, store, factory: f, hadData };
}

describe('PurchaserStore', () => {
  it('rewrites the total waste with the subscriptions, so the popup reads one row', async () => {
    const { db, store, factory } = await openStore();
    await store.apply([putSubscription(subscription({ id: 'a', licenses: 10, unitPrice: 1000 })), putSubscription(subscription({ id: 'b', licenses: 4, unitPrice: 500 }))]);
    expect((await db.meta.get('waste'))?.value).toEqual({ totals: [{ currency: 'USD', unused: 14, perMonth: 12_000, perYear: 144_000 }] });
    db.close();

    // After a restart, the first write counts every stored subscription, not only the changed one.
    const reopened = await openStore(factory);
    await reopened.store.apply([{ op: 'put', collection: 'subscriptions', id: 'b', fields: { licenses: 2 } }]);
    expect((await reopened.db.meta.get('waste'))?.value).toEqual({ totals: [{ currency: 'USD', unused: 12, perMonth: 11_000, perYear: 132_000 }] });

    await reopened.store.reset();
    expect(await reopened.db.meta.get('waste')).toBeUndefined();
  });

  it('stores how many subscriptions there are with them, so the popup does not count every row', async () => {
    const first = await openStore();
    await first.store.apply(['a', 'b', 'c'].map((id) => putSubscription(subscription({ id }))));
    expect((await first.db.meta.get('subscriptionCount'))?.value).toBe(3);
    first.db.close();

    // After a restart, the first write counts every stored subscription, not only the changed one.
    const { db, store } = await openStore(first.factory);
    await store.apply([{ op: 'remove', collection: 'subscriptions', id: 'b' }]);
    expect((await db.meta.get('subscriptionCount'))?.value).toBe(2);
    await store.apply([{ op: 'put', collection: 'subscriptions', id: 'a', fields: { licenses: 7 } }]);
    expect((await db.meta.get('subscriptionCount'))?.value).toBe(2);
    // An entity that no longer passes its schema is not projected, and not counted.
    await store.apply([{ op: 'put', collection: 'subscriptions', id: 'c', fields: { licenses: -1 } }]);
    expect(await db.subscriptions.count()).toBe(1);
    expect((await db.meta.get('subscriptionCount'))?.value).toBe(1);
    await store.reset();
    expect(await db.meta.get('subscriptionCount')).toBeUndefined();
  });

  it('projects a command into the Dexie table the UI reads', async () => {
    const { db, store, hadData } = await openStore();
    expect(hadData).toBe(false);
    await store.apply([putSubscription(subscription())]);
    expect(await db.subscriptions.get('sub-1')).toEqual(subscription());
  });

  it('keeps the document across a restart', async () => {
    const first = await openStore();
    await first.store.apply([putSubscription(subscription({ licenses: 105 }))]);
    first.db.close();
    const second = await openStore(first.factory);
    expect(second.hadData).toBe(true);
    expect(readState(second.store.doc).subscriptions['sub-1']?.licenses).toBe(105);
  });

  it('takes remote updates down the same path as local commands', async () => {
    const { db, store } = await openStore();
    const other = new PurchaserStore(memoryDb().db);
    await other.open();
    await other.apply([putSubscription(subscription({ id: 'from-laptop' }))]);
    Y.applyUpdate(store.doc, Y.encodeStateAsUpdate(other.doc), 'remote');
    await store.settled();
    expect(await db.subscriptions.get('from-laptop')).toMatchObject({ id: 'from-laptop', licenses: 100 });
    expect(await db.updates.count()).toBe(1);
  });

  it('leaves an entity that breaks its schema out of the projection, without losing it', async () => {
    const { db, store } = await openStore();
    await store.apply([putSubscription(subscription())]);
    await store.apply([{ op: 'put', collection: 'subscriptions', id: 'sub-1', fields: { licenses: -3 } }]);
    expect(await db.subscriptions.get('sub-1')).toBeUndefined();
    await store.apply([{ op: 'put', collection: 'subscriptions', id: 'sub-1', fields: { licenses: 3 } }]);
    expect(await db.subscriptions.get('sub-1')).toMatchObject({ licenses: 3 });
  });

  it('undoes the last local command, and stores the undo', async () => {
    const { db, store, factory } = await openStore();
    await store.apply([putSubscription(subscription())]);
    await store.apply([{ op: 'mapSet', collection: 'subscriptions', id: 'sub-1', field: 'assigned', entries: { ana: 't' } }]);
    expect(store.canUndo).toBe(true);
    await store.undo();
    expect((await db.subscriptions.get('sub-1'))?.assigned).toEqual({});
    db.close();
    const reopened = await openStore(factory);
    expect(readState(reopened.store.doc).subscriptions['sub-1']?.assigned).toEqual({});
  });

  it('keeps the update log bounded over 10,000 edits in a row', async () => {
    const { db, store, factory } = await openStore();
    await store.apply([putSubscription(subscription())]);
    // One at a time, as a person makes them, so each edit is its own write.
    for (let i = 1; i <= 10_000; i++) {
      await store.apply([{ op: 'put', collection: 'subscriptions', id: 'sub-1', fields: { licenses: 100 + (i % 50) } }]);
    }
    const rows = await db.updates.toArray();
    const bytes = rows.reduce((sum, row) => sum + row.update.byteLength, 0);
    const snapshot = Y.encodeStateAsUpdate(store.doc).byteLength;
    expect(rows.length).toBeLessThanOrEqual(COMPACT_AFTER_ROWS + 1);
    // The log is one snapshot plus at most COMPACT_AFTER_ROWS small edits, not 10,000 of them.
    expect(bytes).toBeLessThan(snapshot + COMPACT_AFTER_ROWS * 64);
    db.close();
    const reopened = await openStore(factory);
    expect(readState(reopened.store.doc).subscriptions['sub-1']?.licenses).toBe(100 + (10_000 % 50));
  }, 60_000);

  it('stores a burst of edits in one write and still bounds the log', async () => {
    const { db, store } = await openStore();
    for (let i = 1; i <= 1_000; i++) {
      void store.apply([{ op: 'put', collection: 'subscriptions', id: `sub-${i}`, fields: subscription({ id: `sub-${i}` }) }]);
    }
    await store.settled();
    expect(await db.subscriptions.count()).toBe(1_000);
    expect(await db.updates.count()).toBeLessThanOrEqual(2);
  });

  it('reset forgets local data', async () => {
    const { db, store } = await openStore();
    await store.apply([putSubscription(subscription())]);
    await store.reset();
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.updates.count()).toBe(0);
    await store.apply([putSubscription(subscription({ id: 'after' }))]);
    expect(await db.subscriptions.count()).toBe(1);
  });
});
