import * as Y from 'yjs';
import * as z from 'zod/mini';
import { Charge, Invoice } from '../billing/schemas';
import { Id } from '../org/schemas';
import { IsoDateTime } from '../schemas/dates';

/** What the server changed of the purchaser's update to keep it within the rules, in plain words. */
export const ServerNotice = z.object({
  message: z.string(),
  at: IsoDateTime,
  subscriptionId: z.optional(Id),
});
export type ServerNotice = z.infer<typeof ServerNotice>;

/**
 * The billing room of one purchaser, written by the server only: the invoices it issued, what it
 * did about each purchase or license change (`charges`, keyed by the change's `licensesChangeKey`)
 * and the notices of its corrections (`notices`, the latest MAX_NOTICES), one Y.Map each.
 */
export const BillingRoomState = z.object({
  invoices: z.record(z.string(), Invoice),
  charges: z.record(z.string(), Charge),
  notices: z.record(z.string(), ServerNotice),
});
export type BillingRoomState = z.infer<typeof BillingRoomState>;
export const BILLING_ROOTS = ['invoices', 'charges', 'notices'] as const;
export const MAX_NOTICES = 50;

export function createBillingDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (const root of BILLING_ROOTS) doc.getMap(root);
  return doc;
}

export function readBillingRoom(doc: Y.Doc): unknown {
  const plain = (root: string) => Object.fromEntries([...doc.getMap(root).entries()].map(([id, v]) => [id, v instanceof Y.Map ? v.toJSON() : v]));
  return { invoices: plain('invoices'), charges: plain('charges'), notices: plain('notices') };
}

/** One invoice, charge or notice as plain data, unvalidated; undefined when there is none. */
export function readBillingEntry(doc: Y.Doc, root: (typeof BILLING_ROOTS)[number], key: string): unknown {
  const value = doc.getMap<unknown>(root).get(key);
  return value instanceof Y.Map ? value.toJSON() : value;
}

/** Puts an invoice, a charge or a notice, one Y.Map per entity like every room. */
export function putBillingEntity(doc: Y.Doc, root: (typeof BILLING_ROOTS)[number], key: string, entity: Invoice | Charge | ServerNotice): void {
  const map = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(entity)) if (value !== undefined) map.set(field, value);
  doc.getMap<Y.Map<unknown>>(root).set(key, map);
}

/** Adds notices, dropping the oldest beyond MAX_NOTICES: a purchaser needs the recent ones, not a history. */
export function addNotices(doc: Y.Doc, notices: readonly { key: string; notice: ServerNotice }[]): void {
  for (const { key, notice } of notices) putBillingEntity(doc, 'notices', key, notice);
  const map = doc.getMap<Y.Map<unknown>>('notices');
  const byAge = [...map.entries()].sort(([, a], [, b]) => String(a.get('at')).localeCompare(String(b.get('at'))));
  for (const [key] of byAge.slice(0, Math.max(0, byAge.length - MAX_NOTICES))) map.delete(key);
}
