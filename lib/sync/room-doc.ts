import * as Y from 'yjs';
import { createPurchaserDoc } from '../doc/purchaser-doc';
import { readState } from '../doc/read';
import { COLLECTIONS, PurchaserState } from '../state';
import { BILLING_ROOTS, BillingRoomState, createBillingDoc, readBillingRoom } from './billing-doc';
import { ORG_ROOTS, OrgRoomState, createOrgDoc, readOrgRoom } from './org-doc';
import type { RoomKind } from './room-name';
import { SUMMARY_ROOTS, SummaryRoomState, createSummaryDoc, readSummary } from './summary';

interface RoomDocKind {
  create(): Y.Doc;
  /** The only top-level types the document may have. */
  roots: readonly string[];
  /** Roots whose values must each be a Y.Map (one per entity). */
  entityRoots: readonly string[];
  read(doc: Y.Doc): unknown;
  schema: { safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } } };
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

const KINDS: Record<RoomKind, RoomDocKind> = {
  purchaser: { create: createPurchaserDoc, roots: COLLECTIONS, entityRoots: COLLECTIONS, read: readState, schema: PurchaserState },
  org: { create: createOrgDoc, roots: ORG_ROOTS, entityRoots: ['catalog', 'directory'], read: readOrgRoom, schema: OrgRoomState },
  billing: { create: createBillingDoc, roots: BILLING_ROOTS, entityRoots: BILLING_ROOTS, read: readBillingRoom, schema: BillingRoomState },
  summary: { create: createSummaryDoc, roots: SUMMARY_ROOTS, entityRoots: [], read: readSummary, schema: SummaryRoomState },
};

/** A new document of the room's kind, with its top-level types defined. */
export function createRoomDoc(kind: RoomKind): Y.Doc {
  return KINDS[kind].create();
}

export type RoomDocCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether a document is a valid document of its room kind: only the kind's top-level types, one
 * Y.Map per entity, and every entity valid against its lib schema. The server runs it on a copy
 * with an update applied, before it accepts the update.
 */
export function checkRoomDoc(kind: RoomKind, doc: Y.Doc): RoomDocCheck {
  const spec = KINDS[kind];
  for (const root of doc.share.keys()) {
    if (!spec.roots.includes(root)) return { ok: false, message: `Unknown collection "${root}"` };
  }
  for (const root of spec.entityRoots) {
    for (const [id, value] of doc.getMap(root)) {
      if (!(value instanceof Y.Map)) return { ok: false, message: `${root}.${id}: not an entity map` };
    }
  }
  const parsed = spec.schema.safeParse(spec.read(doc));
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'Invalid document' };
}
