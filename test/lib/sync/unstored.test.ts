import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unstoredOperations } from '../../../lib/sync/unstored';

function pair() {
  const local = new Y.Doc();
  const server = new Y.Doc();
  const sync = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
  return { local, server, sync };
}

describe('unstoredOperations', () => {
  it('is 0 once the server stored everything, and counts insertions made since', () => {
    const { local, server, sync } = pair();
    local.getMap('m').set('a', 1);
    sync();
    expect(unstoredOperations(Y.snapshot(local), Y.snapshot(server))).toBe(0);
    local.getMap('m').set('b', 2);
    local.getMap('m').set('c', 3);
    expect(unstoredOperations(Y.snapshot(local), Y.snapshot(server))).toBe(2);
  });

  it('counts a deletion, which does not move the state vector', () => {
    const { local, server, sync } = pair();
    local.getMap('m').set('a', 1);
    local.getMap('m').set('b', 1);
    sync();
    local.getMap('m').delete('a');
    expect(Y.encodeStateVector(local)).toEqual(Y.encodeStateVector(server));
    expect(unstoredOperations(Y.snapshot(local), Y.snapshot(server))).toBe(1);
    sync();
    expect(unstoredOperations(Y.snapshot(local), Y.snapshot(server))).toBe(0);
  });

  it('ignores what the server has beyond the local document', () => {
    const { local, server, sync } = pair();
    local.getMap('m').set('a', 1);
    sync();
    server.getMap('m').set('z', 1);
    server.getMap('m').delete('a');
    expect(unstoredOperations(Y.snapshot(local), Y.snapshot(server))).toBe(0);
  });

  it('survives the encoding of the stored message', () => {
    const { local, server, sync } = pair();
    local.getArray('l').insert(0, [1, 2, 3, 4]);
    sync();
    local.getArray('l').delete(1, 2);
    const stored = Y.decodeSnapshot(Y.encodeSnapshot(Y.snapshot(server)));
    expect(unstoredOperations(Y.snapshot(local), stored)).toBe(2);
  });
});
