import * as Y from 'yjs';
import * as z from 'zod/mini';
import { Organization, Person, Product, type OrgData } from '../org/schemas';

/**
 * The organization room: an `organization` map of fields, and `catalog` and `directory` maps with
 * one Y.Map per product or person, so that the CLI's edits merge field by field like purchasers' do.
 */
export const OrgRoomState = z.object({
  organization: Organization,
  catalog: z.record(z.string(), Product),
  directory: z.record(z.string(), Person),
});
export type OrgRoomState = z.infer<typeof OrgRoomState>;

export const ORG_ROOTS = ['organization', 'catalog', 'directory'] as const;
/** The roots whose entries are products or people. */
type EntityRoot = 'catalog' | 'directory';

export function createOrgDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (const root of ORG_ROOTS) doc.getMap(root);
  return doc;
}

export function writeOrganization(doc: Y.Doc, organization: Organization): void {
  const map = doc.getMap('organization');
  for (const [field, value] of Object.entries(organization)) map.set(field, value);
}

/** The organization's own fields (name, tax rate, currency), without reading its catalog or directory; undefined when invalid. */
export function readOrganization(doc: Y.Doc): Organization | undefined {
  const parsed = Organization.safeParse(doc.getMap('organization').toJSON());
  return parsed.success ? parsed.data : undefined;
}

/** Adds or updates a product (`catalog`) or a person (`directory`). */
export function putOrgEntity(doc: Y.Doc, root: EntityRoot, entity: Product | Person): void {
  const collection = doc.getMap<Y.Map<unknown>>(root);
  let map = collection.get(entity.id);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>();
    collection.set(entity.id, map);
  }
  for (const [field, value] of Object.entries(entity)) map.set(field, value);
}

/** The document as plain data, unvalidated. Entities that are not maps read as their plain value, so that validation reports them. */
export function readOrgRoom(doc: Y.Doc): unknown {
  const plain = (root: string) => Object.fromEntries([...doc.getMap(root).entries()].map(([id, v]) => [id, v instanceof Y.Map ? v.toJSON() : v]));
  return { organization: doc.getMap('organization').toJSON(), catalog: plain('catalog'), directory: plain('directory') };
}

/** What the extension needs from the organization room for one signed-in person; undefined when the person is not in the directory. */
export function orgDataFor(state: OrgRoomState, personId: string): OrgData | undefined {
  const purchaser = state.directory[personId];
  if (!purchaser) return undefined;
  const byName = <T extends { id: string }>(entities: Record<string, T>, name: (e: T) => string) =>
    Object.values(entities).sort((a, b) => name(a).localeCompare(name(b)) || a.id.localeCompare(b.id));
  return {
    organization: state.organization,
    purchaser,
    catalog: byName(state.catalog, (p) => p.name),
    directory: byName(state.directory, (p) => p.displayName),
  };
}
