import type { OrgData, Person, Product } from '../org/schemas';

/**
 * What the purchase rules need to know of an organization: its catalog and directory, looked up by
 * id. The extension builds it from its projected OrgData, the server from the org room's Y.Doc, so
 * the same rules run on both without either side copying the other's data.
 */
export interface OrgView {
  orgId: string;
  orgName: string;
  product(productId: string): Product | undefined;
  /** A person of this organization's directory, or undefined for anyone else. */
  member(personId: string): Person | undefined;
}

export function orgViewOf(org: OrgData): OrgView {
  const catalog = new Map(org.catalog.map((product) => [product.id, product]));
  const directory = new Map(org.directory.filter((person) => person.orgId === org.organization.id).map((person) => [person.id, person]));
  return {
    orgId: org.organization.id,
    orgName: org.organization.name,
    product: (id) => catalog.get(id),
    member: (id) => directory.get(id),
  };
}
