import * as Y from 'yjs';
import { z } from 'zod/mini';
import { Invoice } from '../billing/schemas';

/**
 * The billing room of one purchaser: invoices issued by the server, one Y.Map each. Nothing writes
 * it yet; the room exists so that clients and rights already know it.
 */
export const BillingRoomState = z.object({ invoices: z.record(z.string(), Invoice) });
export type BillingRoomState = z.infer<typeof BillingRoomState>;
export const BILLING_ROOTS = ['invoices'] as const;

export function createBillingDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('invoices');
  return doc;
}

export function readBillingRoom(doc: Y.Doc): unknown {
  const invoices = doc.getMap('invoices');
  return { invoices: Object.fromEntries([...invoices.entries()].map(([id, v]) => [id, v instanceof Y.Map ? v.toJSON() : v])) };
}
