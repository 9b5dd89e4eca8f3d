import type { IsoDateTime } from '../dates';
import type { SupportRequest } from '../support/schema';
import { ACCEPT, refuse, type Judgement } from './judgement';

/** Decided by the server: when it received a request and when an admin handled it. */
export const SERVER_SUPPORT_FIELDS = ['status', 'receivedAt', 'handledAt'] as const;

/** Written by the purchaser once, when the request is made; what the admins read in their inbox. */
const SENT_SUPPORT_FIELDS = ['subject', 'message', 'email', 'createdAt'] as const;

/**
 * One support request before and after a purchaser's update, as the server judges it (undefined:
 * not there). A new request must arrive queued, with none of the server's fields: it is then
 * corrected to `received` at the server's clock, in the same commit, which is how it is received.
 * After that the request is the server's and the admins': a purchaser who changes its status, its
 * dates or what it says is refused (no command edits a request). Removing it from the device is
 * accepted; the inbox keeps its copy.
 */
export function judgeSupportRequest(id: string, before: SupportRequest | undefined, after: SupportRequest | undefined, now: IsoDateTime): Judgement {
  if (!after) return ACCEPT;
  if (!before) {
    if (after.status !== 'queued') return refuse(`supportRequests.${id}.status: only the server receives a request`);
    for (const field of ['receivedAt', 'handledAt'] as const) {
      if (after[field] !== undefined) return refuse(`supportRequests.${id}.${field}: set by the server only`);
    }
    return { ok: true, corrections: [{ op: 'put', collection: 'supportRequests', id, fields: receivedFields(now) }], notices: [] };
  }
  for (const field of SERVER_SUPPORT_FIELDS) {
    if (before[field] !== after[field]) return refuse(`supportRequests.${id}.${field}: set by the server only`);
  }
  for (const field of SENT_SUPPORT_FIELDS) {
    if (before[field] !== after[field]) return refuse(`supportRequests.${id}.${field}: a sent request is not changed; send a new one`);
  }
  return ACCEPT;
}

/** What the server writes into a request when it receives it. */
export function receivedFields(now: IsoDateTime): Pick<SupportRequest, 'status' | 'receivedAt'> {
  return { status: 'received', receivedAt: now };
}

/** What the server writes into a request when an admin marks it handled. */
export function handledFields(now: IsoDateTime): Pick<SupportRequest, 'status' | 'handledAt'> {
  return { status: 'handled', handledAt: now };
}
