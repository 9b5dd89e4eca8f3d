import * as Y from 'yjs';
import { createPurchaserDoc } from '../doc/purchaser-doc';
import { readState } from '../doc/read';
import { COLLECTIONS, PurchaserState } from '../state';
import { BILLING_ROOTS, BillingRoomState, createBillingDoc, readBillingRoom } from './billing-doc';
import { ORG_ROOTS, OrgRoomState, createOrgDoc, readOrgRoom } from './org-doc';
import type { RoomKind } from './room-name';
import { SUMMARY_ROOTS, SummaryRoomState, createSummaryDoc, readSummary } from './summary';
import { SUPPORT_ROOTS, SupportInboxState, createSupportInboxDoc, readSupportInbox } from './support-inbox';

interface RoomDocKind {
  create(): Y.Doc;
  /** The only top-level types the document may have. */
  roots: readonly string[];
  /** Roots whose values must each be a Y.Map (one per entity). */
  entityRoots: readonly string[];
  /** Roots whose keys are validated one by one; the others are read whole. */
  records: readonly string[];
  /** One value of a record root as `read` presents it, from its JSON. */
  entry(json: unknown, key: string): unknown;
  read(doc: Y.Doc): unknown;
  schema: { safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } } };
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

const plain = (json: unknown) => json;
const withId = (json: unknown, key: string) => ({ ...(json as Record<string, unknown>), id: key });

/**
 * A value as `toJSON` gives it, or as it was at `asOf`. Reading as of a snapshot needs the content
 * of what was deleted since, which Yjs keeps until the end of the transaction that deleted it.
 */
function jsonOf(value: unknown, asOf?: Y.Snapshot): unknown {
  if (!(value instanceof Y.AbstractType)) return value;
  if (!asOf || !(value instanceof Y.Map)) return value.toJSON();
  return Object.fromEntries(Object.entries(Y.typeMapGetAllSnapshot(value, asOf)).map(([key, inner]) => [key, jsonOf(inner, asOf)]));
}

const KINDS: Record<RoomKind, RoomDocKind> = {
  purchaser: { create: createPurchaserDoc, roots: COLLECTIONS, entityRoots: COLLECTIONS, records: COLLECTIONS, entry: withId, read: readState, schema: PurchaserState },
  org: { create: createOrgDoc, roots: ORG_ROOTS, entityRoots: ['catalog', 'directory'], records: ['catalog', 'directory'], entry: plain, read: readOrgRoom, schema: OrgRoomState },
  billing: { create: createBillingDoc, roots: BILLING_ROOTS, entityRoots: BILLING_ROOTS, records: BILLING_ROOTS, entry: plain, read: readBillingRoom, schema: BillingRoomState },
  summary: { create: createSummaryDoc, roots: SUMMARY_ROOTS, entityRoots: [], records: SUMMARY_ROOTS, entry: plain, read: readSummary, schema: SummaryRoomState },
  support: { create: createSupportInboxDoc, roots: SUPPORT_ROOTS, entityRoots: SUPPORT_ROOTS, records: SUPPORT_ROOTS, entry: plain, read: readSupportInbox, schema: SupportInboxState },
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
  const unknown = unknownRoot(spec, doc);
  if (unknown) return unknown;
  for (const root of spec.entityRoots) {
    for (const [id, value] of doc.getMap(root)) {
      if (!(value instanceof Y.Map)) return { ok: false, message: `${root}.${id}: not an entity map` };
    }
  }
  return verdict(spec.schema.safeParse(spec.read(doc)));
}

/** The record roots of a room kind: the keys `checkChangedEntries` needs to know were touched. */
export function recordRoots(kind: RoomKind): readonly string[] {
  return KINDS[kind].records;
}

/**
 * `checkRoomDoc` for a document that was valid before a change touched only `touched` (keys of
 * record roots, see `changedKeys`): the same verdict, reading only those entries and the roots
 * that are not records. Every schema of a room is a product of independent entries, so entries
 * the change did not touch stay valid; reading them all made every update cost the whole Y.Doc.
 */
export function checkChangedEntries(kind: RoomKind, doc: Y.Doc, touched: ReadonlyMap<string, ReadonlySet<string>>): RoomDocCheck {
  const spec = KINDS[kind];
  const unknown = unknownRoot(spec, doc);
  if (unknown) return unknown;
  const partial: Record<string, unknown> = {};
  for (const root of spec.roots) {
    const map = doc.getMap(root);
    if (!spec.records.includes(root)) {
      partial[root] = map.toJSON();
      continue;
    }
    const entries: Record<string, unknown> = {};
    for (const key of touched.get(root) ?? []) {
      const value = map.get(key);
      if (value === undefined) continue;
      if (spec.entityRoots.includes(root) && !(value instanceof Y.Map)) return { ok: false, message: `${root}.${key}: not an entity map` };
      entries[key] = spec.entry(jsonOf(value), key);
    }
    partial[root] = entries;
  }
  return verdict(spec.schema.safeParse(partial));
}

/**
 * The touched entries' values as `read` presents them, now or as they were at `asOf` (read during
 * the transaction that changed them: see `jsonOf`); keys that held nothing are left out.
 */
export function readTouched(
  kind: RoomKind,
  doc: Y.Doc,
  touched: ReadonlyMap<string, ReadonlySet<string>>,
  asOf?: Y.Snapshot,
): Record<string, Record<string, unknown>> {
  const spec = KINDS[kind];
  const values: Record<string, Record<string, unknown>> = {};
  for (const [root, keys] of touched) {
    const map = doc.getMap(root);
    const entries: Record<string, unknown> = {};
    for (const key of keys) {
      const value = asOf ? Y.typeMapGetSnapshot(map, key, asOf) : map.get(key);
      if (value !== undefined) entries[key] = spec.entry(jsonOf(value, asOf), key);
    }
    values[root] = entries;
  }
  return values;
}

function unknownRoot(spec: RoomDocKind, doc: Y.Doc): RoomDocCheck | undefined {
  for (const root of doc.share.keys()) {
    if (!spec.roots.includes(root)) return { ok: false, message: `Unknown collection "${root}"` };
  }
  return undefined;
}

function verdict(parsed: ReturnType<RoomDocKind['schema']['safeParse']>): RoomDocCheck {
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'Invalid document' };
}
