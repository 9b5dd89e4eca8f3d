import * as Y from 'yjs';

/**
 * What a room's server is known to have stored, as a Yjs snapshot: the union of its MESSAGE_STORED
 * acknowledgements and of every update it sent (it stores before it broadcasts). Comparing the local
 * document with it (`unstoredOperations`) gives the changes still waiting, even when remote updates
 * arrive between two acknowledgements.
 */
export function mergeSnapshots(a: Y.Snapshot, b: Y.Snapshot): Y.Snapshot {
  const sv = new Map(a.sv);
  for (const [client, clock] of b.sv) sv.set(client, Math.max(clock, sv.get(client) ?? 0));
  return Y.createSnapshot(Y.mergeDeleteSets([a.ds, b.ds]), sv);
}

/**
 * The part of the server's state an update proves: the end clock of each client's structs (the
 * server integrates a client's structs in clock order, so it has everything before them) and its
 * deletions. Skips are gaps, not content.
 */
export function snapshotOfUpdate(update: Uint8Array): Y.Snapshot {
  const { structs, ds } = Y.decodeUpdate(update);
  const sv = new Map<number, number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    sv.set(struct.id.client, Math.max(end, sv.get(struct.id.client) ?? 0));
  }
  return Y.createSnapshot(ds, sv);
}
