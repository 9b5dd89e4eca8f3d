import type * as Y from 'yjs';

interface Range {
  clock: number;
  len: number;
}

/**
 * How many of the local document's operations the server has not stored yet: 0 means "All changes
 * synced". Compares the local snapshot with the one of the server's last MESSAGE_STORED. Insertions
 * are counted from the state vectors; deletions from the delete sets, because deleting (unassigning a
 * license, unsetting a field) does not advance a state vector.
 */
export function unstoredOperations(local: Y.Snapshot, stored: Y.Snapshot): number {
  let missing = 0;
  for (const [client, clock] of local.sv) missing += Math.max(0, clock - (stored.sv.get(client) ?? 0));
  for (const [client, ranges] of local.ds.clients) missing += uncovered(ranges, stored.ds.clients.get(client) ?? []);
  return missing;
}

/** Clocks of `ranges` outside `cover`; both sorted by clock, as Yjs keeps them. */
function uncovered(ranges: readonly Range[], cover: readonly Range[]): number {
  let count = 0;
  let c = 0;
  for (const range of ranges) {
    let from = range.clock;
    const to = range.clock + range.len;
    while (from < to) {
      while (c < cover.length && cover[c]!.clock + cover[c]!.len <= from) c++;
      const next = cover[c];
      if (!next || next.clock >= to) {
        count += to - from;
        break;
      }
      if (next.clock > from) count += next.clock - from;
      from = next.clock + next.len;
    }
  }
  return count;
}
