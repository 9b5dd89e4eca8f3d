import * as Y from 'yjs';
import * as z from 'zod/mini';
import { PurchaseNotification } from '../activity/purchase-notification';
import { IsoDate } from '../schemas/dates';
import { Currency, MinorUnits } from '../schemas/money';
import { Id, Term, type Person } from '../org/schemas';
import { Subscription, SubscriptionStatus } from '../subscriptions/schema';

/**
 * One subscription of one purchaser, as the admin console lists it. `status` is the stored status:
 * the console applies `effectiveStatus` with its own clock, so the summary does not go stale overnight.
 */
export const SummaryEntry = z.object({
  purchaserId: Id,
  purchaserName: z.string(),
  subscriptionId: Id,
  productId: Id,
  productName: z.string(),
  licenses: z.int(),
  assignedCount: z.int(),
  /** Display names of the people holding a license, sorted; an id when the person left the directory. */
  assignedNames: z.array(z.string()),
  term: Term,
  /** When the subscription started: with the term, what tells two of one product apart. Absent from older servers' entries. */
  startedOn: z.optional(IsoDate),
  status: SubscriptionStatus,
  /** Renewal date when active, expiry date when canceled or expired. */
  renewsOn: IsoDate,
  unitPrice: MinorUnits,
  /** What one term of all licenses costs: unitPrice × licenses. */
  termPrice: MinorUnits,
  currency: Currency,
  /** The server's last charge for it was declined or could not be taken (`paymentFailed`); absent otherwise. */
  paymentFailed: z.optional(z.literal(true)),
});
export type SummaryEntry = z.infer<typeof SummaryEntry>;

/**
 * The summary room: `entries`, keyed `<purchaserId>/<subscriptionId>`, and the latest
 * MAX_NOTIFICATIONS purchase notifications (`notifications`), both maps of plain values.
 */
export const SummaryRoomState = z.object({ entries: z.record(z.string(), SummaryEntry), notifications: z.record(z.string(), PurchaseNotification) });
export type SummaryRoomState = z.infer<typeof SummaryRoomState>;
export const SUMMARY_ROOTS = ['entries', 'notifications'] as const;
export const MAX_NOTIFICATIONS = 200;

export interface PurchaserSubscriptions {
  personId: string;
  subscriptions: readonly Subscription[];
  /** The subscriptions whose payment failed, from the purchaser's billing room. */
  failed?: ReadonlySet<string>;
}

/**
 * A purchaser document's valid subscriptions, which is all the summary needs of it: only the
 * subscriptions root is read (reading the whole state also copied some 40 invoices per purchaser),
 * each entry parsed once. An entry that is not a valid subscription is left out, as the purchaser's
 * own projection leaves it out.
 */
export function readSubscriptions(doc: Y.Doc): Subscription[] {
  return [...doc.getMap<unknown>('subscriptions')].flatMap(([id, entity]) => readSubscription(id, entity) ?? []);
}

/** One entry of a purchaser's subscriptions root, parsed; undefined when it is not a valid subscription. */
export function readSubscription(id: string, entity: unknown): Subscription | undefined {
  if (!(entity instanceof Y.Map)) return undefined;
  const parsed = Subscription.safeParse({ ...entity.toJSON(), id });
  return parsed.success ? parsed.data : undefined;
}

/** One subscription's entry in the summary. */
export function summaryEntry(personId: string, sub: Subscription, directory: Record<string, Person>, paymentFailed = false): SummaryEntry {
  const name = (id: string) => directory[id]?.displayName ?? id;
  const assignedNames = Object.keys(sub.assigned).map(name).sort((a, b) => a.localeCompare(b));
  return {
    purchaserId: personId,
    purchaserName: name(personId),
    subscriptionId: sub.id,
    productId: sub.productId,
    productName: sub.productName,
    licenses: sub.licenses,
    assignedCount: assignedNames.length,
    assignedNames,
    term: sub.term,
    startedOn: sub.startedOn,
    status: sub.status,
    renewsOn: sub.renewsOn,
    unitPrice: sub.unitPrice,
    termPrice: sub.unitPrice * sub.licenses,
    currency: sub.currency,
    ...(paymentFailed ? { paymentFailed: true as const } : {}),
  };
}

export function summarize(directory: Record<string, Person>, purchasers: readonly PurchaserSubscriptions[]): Record<string, SummaryEntry> {
  const entries: Record<string, SummaryEntry> = {};
  for (const { personId, subscriptions, failed } of purchasers) {
    for (const sub of subscriptions) entries[`${personId}/${sub.id}`] = summaryEntry(personId, sub, directory, failed?.has(sub.id));
  }
  return entries;
}

export function createSummaryDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (const root of SUMMARY_ROOTS) doc.getMap(root);
  return doc;
}

/** Adds notifications, dropping the oldest beyond MAX_NOTIFICATIONS: the console shows what happened lately. */
export function addNotifications(doc: Y.Doc, notifications: readonly { key: string; notification: PurchaseNotification }[]): void {
  const map = doc.getMap<PurchaseNotification>('notifications');
  for (const { key, notification } of notifications) map.set(key, notification);
  const byAge = [...map.entries()].sort(([, a], [, b]) => a.at.localeCompare(b.at));
  for (const [key] of byAge.slice(0, Math.max(0, byAge.length - MAX_NOTIFICATIONS))) map.delete(key);
}

/** Rewrites only the entries that changed, so an admin receives a small update per purchaser edit. */
export function writeSummary(doc: Y.Doc, entries: Record<string, SummaryEntry>): void {
  const map = doc.getMap<SummaryEntry>('entries');
  doc.transact(() => {
    for (const key of [...map.keys()]) if (!(key in entries)) map.delete(key);
    for (const [key, entry] of Object.entries(entries)) {
      if (!sameEntry(map.get(key), entry)) map.set(key, entry);
    }
  });
}

/**
 * Whether a stored entry already holds these values, so that rewriting it can be skipped. Compares
 * field by field (two JSON.stringify per entry were a visible share of a purchaser's recompute).
 */
export function sameEntry(stored: unknown, entry: SummaryEntry): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const before = stored as Record<string, unknown>;
  let fields = 0;
  for (const [key, value] of Object.entries(entry)) {
    fields++;
    const old = before[key];
    if (Array.isArray(value)) {
      if (!Array.isArray(old) || old.length !== value.length || value.some((item, i) => item !== old[i])) return false;
    } else if (old !== value) return false;
  }
  return Object.keys(before).length === fields;
}

export function readSummary(doc: Y.Doc): unknown {
  return { entries: doc.getMap('entries').toJSON(), notifications: doc.getMap('notifications').toJSON() };
}
