import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../../lib/doc/apply';
import { createPurchaserDoc } from '../../../lib/doc/purchaser-doc';
import { readState } from '../../../lib/doc/read';
import { putSubscription, subscription } from '../../fixtures/subscription';

describe('applyChanges', () => {
  it('creates an entity from a put, with map fields as mergeable maps', () => {
    const doc = createPurchaserDoc();
    applyChanges(doc, [putSubscription(subscription({ assigned: { ana: '2026-11-02T00:00:00.000Z' } }))], null);
    expect(readState(doc).subscriptions['sub-1']).toEqual(subscription({ assigned: { ana: '2026-11-02T00:00:00.000Z' } }));
    const entity = doc.getMap<Y.Map<unknown>>('subscriptions').get('sub-1')!;
    expect(entity.get('assigned')).toBeInstanceOf(Y.Map);
  });

  it('applies all changes of a command as one update', () => {
    const doc = createPurchaserDoc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    applyChanges(
      doc,
      [
        putSubscription(subscription()),
        { op: 'mapSet', collection: 'subscriptions', id: 'sub-1', field: 'assigned', entries: { ana: 't1', bo: 't2' } },
      ],
      null,
    );
    expect(updates).toHaveLength(1);
  });

  it('sets, deletes and unsets fields', () => {
    const doc = createPurchaserDoc();
    applyChanges(doc, [putSubscription(subscription({ assigned: { ana: 't', bo: 't' } }))], null);
    applyChanges(
      doc,
      [
        { op: 'put', collection: 'subscriptions', id: 'sub-1', fields: { licenses: 105, cancellation: { reason: 'other' } } },
        { op: 'mapDelete', collection: 'subscriptions', id: 'sub-1', field: 'assigned', keys: ['ana'] },
      ],
      null,
    );
    applyChanges(doc, [{ op: 'unset', collection: 'subscriptions', id: 'sub-1', field: 'cancellation' }], null);
    const sub = readState(doc).subscriptions['sub-1']!;
    expect(sub.licenses).toBe(105);
    expect(sub.assigned).toEqual({ bo: 't' });
    expect(sub).not.toHaveProperty('cancellation');
  });

  it('merges assignments made concurrently on two devices', () => {
    const a = createPurchaserDoc();
    const b = createPurchaserDoc();
    applyChanges(a, [putSubscription(subscription())], null);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyChanges(a, [{ op: 'mapSet', collection: 'subscriptions', id: 'sub-1', field: 'assigned', entries: { ana: 't' } }], null);
    applyChanges(b, [{ op: 'mapSet', collection: 'subscriptions', id: 'sub-1', field: 'assigned', entries: { bo: 't' } }], null);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(Object.keys(readState(a).subscriptions['sub-1']!.assigned).sort()).toEqual(['ana', 'bo']);
    expect(readState(b)).toEqual(readState(a));
  });
});
