import * as Y from 'yjs';
import type { Change } from '../../lib/doc/change';
import type { CommandName } from '../../lib/messaging/requests';
import type { IsoDateTime } from '../../lib/dates';
import type { SeatkeeperDb } from './db';

/** One command this device applied while its document belongs to an account, to run again after a refusal. */
export interface JournalEntry {
  name: CommandName;
  /** The input as the command ran it (with the card reference the server gave, never a card number). */
  input: unknown;
  now: IsoDateTime;
  /** The ids the command made, in order: running it again makes the same entities. */
  ids: string[];
  /** What the command changed: applied as is for a card command, which cannot run again without the card number. */
  changes: Change[];
  /** What the command said it did, to tell the purchaser what was undone. */
  message: string;
  /** Its Yjs update: stored once the server's snapshot contains it. */
  update: Uint8Array;
}

/** More than any offline session makes; the oldest entries are the first the server stores. */
const MAX_ENTRIES = 500;

/**
 * The commands whose changes the sync server may not have stored yet, kept in IndexedDB (a
 * service worker may stop any time). When the server refuses a change, the background syncs a
 * fresh copy of the room and runs the later ones again from here.
 */
export class CommandJournal {
  constructor(private readonly db: SeatkeeperDb) {}

  async record(entry: JournalEntry): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const kept = await this.unstored();
      await this.db.meta.put({ key: 'journal', value: [...kept, entry].slice(-MAX_ENTRIES) });
    });
  }

  /** The entries whose changes are not in `stored` (default: what the server is known to have stored). */
  async unstored(stored?: Y.Snapshot): Promise<JournalEntry[]> {
    const [journal, known] = await this.db.meta.bulkGet(['journal', 'syncStored']);
    const snapshot = stored ?? (known?.value ? Y.decodeSnapshot(known.value as Uint8Array) : Y.emptySnapshot);
    return ((journal?.value as JournalEntry[] | undefined) ?? []).filter((entry) => !Y.snapshotContainsUpdate(snapshot, entry.update));
  }

  async clear(): Promise<void> {
    await this.db.meta.delete('journal');
  }
}

/** Gives the recorded ids first, then new ones: a command run again makes the entities it made before. */
export function replayingIds(ids: readonly string[], newId: () => string): () => string {
  let next = 0;
  return () => ids[next++] ?? newId();
}
