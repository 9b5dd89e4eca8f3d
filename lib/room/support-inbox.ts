import * as Y from 'yjs';
import * as z from 'zod/mini';
import { Id } from '../org/schemas';
import { IsoDateTime } from '../schemas/dates';
import type { SupportRequest } from '../support/schema';

/**
 * One support request in the organization's inbox, as the server received it from a purchaser.
 * `handledAt` is set by the server when an admin marks the request handled.
 */
export const SupportInboxEntry = z.object({
  purchaserId: Id,
  /** The purchaser's display name when the request was received. */
  purchaserName: z.string(),
  requestId: Id,
  subject: z.string(),
  message: z.string(),
  email: z.email(),
  createdAt: IsoDateTime,
  receivedAt: IsoDateTime,
  handledAt: z.optional(IsoDateTime),
  /** The admin who marked it handled. */
  handledBy: z.optional(Id),
});
export type SupportInboxEntry = z.infer<typeof SupportInboxEntry>;

/** The support inbox room of one organization, written by the server only: `requests`, a Y.Map per request keyed by `inboxKey`. */
export const SupportInboxState = z.object({ requests: z.record(z.string(), SupportInboxEntry) });
export type SupportInboxState = z.infer<typeof SupportInboxState>;
export const SUPPORT_ROOTS = ['requests'] as const;

/** A request's key in the inbox: purchaser and request, so that two purchasers' ids never collide. */
export function inboxKey(purchaserId: string, requestId: string): string {
  return `${purchaserId}/${requestId}`;
}

export function createSupportInboxDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('requests');
  return doc;
}

export function readSupportInbox(doc: Y.Doc): unknown {
  return { requests: doc.getMap<unknown>('requests').toJSON() };
}

/** The inbox entry of a request just received. */
export function inboxEntry(purchaserId: string, purchaserName: string, request: SupportRequest, receivedAt: string): SupportInboxEntry {
  const { id: requestId, subject, message, email, createdAt } = request;
  return { purchaserId, purchaserName, requestId, subject, message, email, createdAt, receivedAt };
}

/** Puts a received request into the inbox, one Y.Map per request like every room's entities. */
export function putInboxEntry(doc: Y.Doc, entry: SupportInboxEntry): void {
  const map = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(entry)) if (value !== undefined) map.set(field, value);
  doc.getMap<Y.Map<unknown>>('requests').set(inboxKey(entry.purchaserId, entry.requestId), map);
}

/** One inbox entry, parsed; undefined when there is none or it is not valid. */
export function readInboxEntry(doc: Y.Doc, key: string): SupportInboxEntry | undefined {
  const value = doc.getMap<unknown>('requests').get(key);
  const parsed = value instanceof Y.Map ? SupportInboxEntry.safeParse(value.toJSON()) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** Marks an entry handled; returns false when there is no such entry. An entry handled before keeps its first date. */
export function markInboxHandled(doc: Y.Doc, key: string, handledAt: string, handledBy: string): boolean {
  const entry = doc.getMap<unknown>('requests').get(key);
  if (!(entry instanceof Y.Map)) return false;
  if (entry.get('handledAt') === undefined) {
    entry.set('handledAt', handledAt);
    entry.set('handledBy', handledBy);
  }
  return true;
}
