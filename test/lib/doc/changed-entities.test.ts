import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../../lib/doc/apply';
import { createPurchaserDoc } from '../../../lib/doc/purchaser-doc';
import { changedEntities, mergeChanged, type ChangedEntities } from '../../../lib/doc/changed-entities';
import type { Change } from '../../../lib/doc/change';
import { putSubscription, subscription } from '../../fixtures/subscription';

function changedBy(doc: Y.Doc, changes: Change[]): ChangedEntities {
  let seen: ChangedEntities = new Map();
  const listener = (_u: Uint8Array, _o: unknown, d: Y.Doc, tr: Y.Transaction) => (seen = changedEntities(d, tr));
  doc.on('update', listener);
  applyChanges(doc, changes, null);
  doc.off('update', listener);
  return seen;
}

describe('changedEntities', () => {
  it('names a new entity by its id', () => {
    const doc = createPurchaserDoc();
    expect(changedBy(doc, [putSubscription(subscription())])).toEqual(new Map([['subscriptions', new Set(['sub-1'])]]));
  });

  it('traces a change deep inside an entity up to the entity', () => {
    const doc = createPurchaserDoc();
    applyChanges(doc, [putSubscription(subscription({ id: 'a' })), putSubscription(subscription({ id: 'b' }))], null);
    const changed = changedBy(doc, [{ op: 'mapSet', collection: 'subscriptions', id: 'b', field: 'assigned', entries: { x: 't' } }]);
    expect(changed).toEqual(new Map([['subscriptions', new Set(['b'])]]));
  });

  it('sees entities changed by a remote update', () => {
    const local = createPurchaserDoc();
    const remote = createPurchaserDoc();
    applyChanges(remote, [putSubscription(subscription())], null);
    let seen: ChangedEntities = new Map();
    local.on('update', (_u: Uint8Array, _o: unknown, d: Y.Doc, tr: Y.Transaction) => (seen = changedEntities(d, tr)));
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(seen.get('subscriptions')).toEqual(new Set(['sub-1']));
  });
});

describe('mergeChanged', () => {
  it('unions ids per collection without touching its inputs', () => {
    const a: ChangedEntities = new Map([['subscriptions', new Set(['x'])]]);
    const b: ChangedEntities = new Map([
      ['subscriptions', new Set(['y'])],
      ['invoices', new Set(['i'])],
    ]);
    expect(mergeChanged([a, b])).toEqual(
      new Map([
        ['subscriptions', new Set(['x', 'y'])],
        ['invoices', new Set(['i'])],
      ]),
    );
    expect(a.get('subscriptions')).toEqual(new Set(['x']));
  });
});
