import * as Y from 'yjs';
import * as z from 'zod/mini';
import { Charge, Invoice } from '../billing/schemas';

/**
 * The billing room of one purchaser, written by the server only: the invoices it issued and what it
 * did about each purchase or license change (`charges`, keyed by the change's `licensesChangeKey`),
 * one Y.Map each.
 */
export const BillingRoomState = z.object({
  invoices: z.record(z.string(), Invoice),
  charges: z.record(z.string(), Charge),
});
export type BillingRoomState = z.infer<typeof BillingRoomState>;
export const BILLING_ROOTS = ['invoices', 'charges'] as const;

export function createBillingDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (const root of BILLING_ROOTS) doc.getMap(root);
  return doc;
}

export function readBillingRoom(doc: Y.Doc): unknown {
  const plain = (root: string) => Object.fromEntries([...doc.getMap(root).entries()].map(([id, v]) => [id, v instanceof Y.Map ? v.toJSON() : v]));
  return { invoices: plain('invoices'), charges: plain('charges') };
}

/** Puts an invoice or a charge, one Y.Map per entity like every room. */
export function putBillingEntity(doc: Y.Doc, root: (typeof BILLING_ROOTS)[number], key: string, entity: Invoice | Charge): void {
  const map = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(entity)) if (value !== undefined) map.set(field, value);
  doc.getMap<Y.Map<unknown>>(root).set(key, map);
}
