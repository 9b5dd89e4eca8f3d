import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges } from '../../../lib/doc/apply';
import { createPurchaserDoc } from '../../../lib/doc/purchaser-doc';
import { unstoredOperations } from '../../../lib/sync/unstored';
import { waitingChanges } from '../../../lib/sync/waiting-changes';
import { putSubscription, subscription } from '../../fixtures/subscription';

function synced() {
  const local = createPurchaserDoc();
  applyChanges(local, [putSubscription(subscription({ id: 's1', assigned: { p1: '2026-11-01T00:00:00.000Z' } })), putSubscription(subscription({ id: 's2' }))], null);
  const server = createPurchaserDoc();
  const sync = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
  sync();
  return { local, server, sync, stored: () => Y.snapshot(server) };
}

const subs = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('subscriptions');

describe('waitingChanges', () => {
  it('is 0 when the server stored everything', () => {
    const { local, stored } = synced();
    expect(waitingChanges(local, stored())).toBe(0);
  });

  it('counts entities, not the operations in them', () => {
    const { local, stored } = synced();
    local.transact(() => {
      subs(local).get('s1')!.set('licenses', 120);
      subs(local).get('s1')!.set('renewsOn', '2027-01-01');
    });
    expect(unstoredOperations(Y.snapshot(local), stored())).toBe(4);
    expect(waitingChanges(local, stored())).toBe(1);
    subs(local).get('s2')!.set('licenses', 5);
    expect(waitingChanges(local, stored())).toBe(2);
  });

  it('counts a deletion deep in an entity (an unassignment), which moves no state vector', () => {
    const { local, stored, sync } = synced();
    (subs(local).get('s1')!.get('assigned') as Y.Map<string>).delete('p1');
    expect(waitingChanges(local, stored())).toBe(1);
    sync();
    expect(waitingChanges(local, stored())).toBe(0);
  });

  it('does not count what came from the server', () => {
    const { local, server, stored } = synced();
    subs(server).get('s2')!.set('licenses', 7);
    subs(server).delete('s1');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    expect(waitingChanges(local, stored())).toBe(0);
  });

  it('agrees with unstoredOperations on whether anything is waiting', () => {
    const { local, stored } = synced();
    for (const edit of [() => subs(local).get('s2')!.set('licenses', 9), () => subs(local).delete('s1')]) {
      edit();
      expect(waitingChanges(local, stored()) > 0).toBe(unstoredOperations(Y.snapshot(local), stored()) > 0);
    }
  });
});
