import * as Y from 'yjs';

/**
 * How many entities (a subscription, an invoice, a payment method…) carry changes the server has not
 * confirmed storing: the N of "N changes waiting". It compares like `unstoredOperations` (state
 * vectors for insertions, delete sets for deletions), then groups the operations by the top-level
 * entity they belong to, so one command that rewrites a subscription and adds an invoice counts 2,
 * not one per field. Operations whose entity is gone from memory (garbage-collected) count as one.
 */
export function waitingChanges(doc: Y.Doc, stored: Y.Snapshot): number {
  const entities = new Set<string>();
  const note = (struct: Y.Item | Y.GC) => entities.add(struct instanceof Y.Item ? entityOf(struct) : 'collected');

  for (const [client, structs] of doc.store.clients) {
    const from = stored.sv.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (!last || last.id.clock + last.length <= from) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) note(structs[i]!);
  }

  // Read without splitting items (Yjs' own iterator splits, which needs a transaction).
  for (const [client, ranges] of Y.createDeleteSetFromStructStore(doc.store).clients) {
    const structs = doc.store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const struct = structs[i]!;
        if (!Y.isDeleted(stored.ds, Y.createID(client, Math.max(clock, struct.id.clock)))) note(struct);
      }
    }
  }
  return entities.size;
}

/** `collection/id` of the top-level entry an item belongs to, however deep (fields, assignments). */
function entityOf(item: Y.Item): string {
  let current = item;
  for (;;) {
    const parent = current.parent as Y.AbstractType<unknown>;
    const holder = parent._item;
    if (!holder) return `${Y.findRootTypeKey(parent)}/${current.parentSub ?? ''}`;
    current = holder;
  }
}
