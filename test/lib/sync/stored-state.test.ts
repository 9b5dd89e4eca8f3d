import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeSnapshots, snapshotOfUpdate } from '../../../lib/sync/stored-state';
import { unstoredOperations } from '../../../lib/sync/unstored';

describe('known stored state', () => {
  it('counts a remote change received after the last acknowledgement as stored', () => {
    const server = new Y.Doc();
    const local = new Y.Doc();
    local.getMap('m').set('mine', 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    const ack = Y.snapshot(server);

    // Another device's change reaches the local document through the server.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(other);
    other.getMap('m').set('theirs', 2);
    other.getMap('m').delete('mine');
    const remote = Y.encodeStateAsUpdate(other, before);
    Y.applyUpdate(server, remote);
    Y.applyUpdate(local, remote);

    expect(unstoredOperations(Y.snapshot(local), ack)).toBeGreaterThan(0);
    expect(unstoredOperations(Y.snapshot(local), mergeSnapshots(ack, snapshotOfUpdate(remote)))).toBe(0);
  });

  it('keeps counting local changes the server has not acknowledged', () => {
    const local = new Y.Doc();
    local.getMap('m').set('a', 1);
    const known = snapshotOfUpdate(Y.encodeStateAsUpdate(local));
    local.getMap('m').set('a', 2);
    // One insertion, and the deletion of the value it replaced.
    expect(unstoredOperations(Y.snapshot(local), known)).toBe(2);
  });

  it('merges state vectors by their highest clock', () => {
    const a = Y.createSnapshot(Y.createDeleteSet(), new Map([[1, 5], [2, 1]]));
    const b = Y.createSnapshot(Y.createDeleteSet(), new Map([[1, 3], [3, 4]]));
    expect([...mergeSnapshots(a, b).sv].sort()).toEqual([[1, 5], [2, 1], [3, 4]]);
  });
});
