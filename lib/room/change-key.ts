import * as Y from 'yjs';

/**
 * Names the last write of a subscription's license count: its id and the Yjs id of the item that
 * holds `licenses`. Every purchase or license change writes a new item, and every replica of the
 * document sees the same item id, so the server keys its charges by it (never billing one change
 * twice) and the extension finds the charge of the change it made. Undefined when there is none.
 */
export function licensesChangeKey(doc: Y.Doc, subscriptionId: string): string | undefined {
  const sub = doc.getMap<unknown>('subscriptions').get(subscriptionId);
  if (!(sub instanceof Y.Map)) return undefined;
  const item = sub._map.get('licenses');
  return item && !item.deleted ? `${subscriptionId}@${item.id.client}.${item.id.clock}` : undefined;
}
