import type { Who } from '../../server/auth';
import type { OrgAdmin } from '../../server/org-admin';

export const ORG = 'org-northwind';
export const MAYA: Who = { orgId: ORG, personId: 'person-01', role: 'purchaser' };
export const LIAM: Who = { orgId: ORG, personId: 'person-02', role: 'purchaser' };
export const RILEY: Who = { orgId: ORG, personId: 'person-it-admin', role: 'admin' };
export const BOB: Who = { orgId: 'org-b', personId: 'bob', role: 'purchaser' };
export const BEA: Who = { orgId: 'org-b', personId: 'bea', role: 'admin' };

/** The demo organization (Maya purchasing, Riley admin), Liam as a second purchaser, and a second organization. */
export function seedTwoOrgs(admin: OrgAdmin): void {
  admin.seedDemo();
  admin.setRole(ORG, LIAM.personId, 'purchaser');
  admin.createOrganization({ id: 'org-b', name: 'Org B', domain: 'b.example', taxRateBps: 0, currency: 'EUR' });
  admin.addPerson({ id: 'bob', orgId: 'org-b', displayName: 'Bob', email: 'bob@b.example', department: '' }, 'purchaser');
  admin.addPerson({ id: 'bea', orgId: 'org-b', displayName: 'Bea', email: 'bea@b.example', department: 'IT' }, 'admin');
}

export const room = {
  purchaser: (who: Who) => `purchaser/${who.orgId}/${who.personId}`,
  billing: (who: Who) => `billing/${who.orgId}/${who.personId}`,
  org: (orgId: string) => `org/${orgId}`,
  summary: (orgId: string) => `summary/${orgId}`,
};
