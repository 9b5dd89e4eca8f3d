import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import type { OrgData, Person } from '../../../lib/org/schemas';
import { orgViewOf } from '../../../lib/rules/org-view';

/** The demo organization's directory with a person of another organization in it, as a shared directory could hold. */
function withOutsider(): { org: OrgData; outsider: Person } {
  const org = demoOrg();
  const outsider: Person = { id: 'person-ext', orgId: 'org-contoso', displayName: 'Ada Visitor', email: 'ada@contoso.example', department: 'Sales' };
  org.directory.push(outsider);
  return { org, outsider };
}

describe('orgViewOf', () => {
  it("names the organization and looks up its catalog by id", () => {
    const view = orgViewOf(demoOrg());
    expect(view.orgId).toBe('org-northwind');
    expect(view.orgName).toBe('Northwind Labs');
    expect(view.product('prod-chat')).toMatchObject({ name: 'Contoso Chat', maxLicenses: 500 });
    expect(view.product('prod-analytics')).toMatchObject({ name: 'Adatum Analytics', selfService: false });
    expect(view.product('prod-unknown')).toBeUndefined();
  });

  it('finds every person of the directory', () => {
    const org = demoOrg();
    const view = orgViewOf(org);
    expect(view.member('person-01')).toEqual(org.directory[0]);
    expect(view.member('person-50')).toMatchObject({ displayName: 'Ines Moreau' });
    expect(org.directory.every((person) => view.member(person.id) === person)).toBe(true);
    expect(view.member('person-51')).toBeUndefined();
  });

  it('does not count a directory person of another organization as a member', () => {
    const { org, outsider } = withOutsider();
    const view = orgViewOf(org);
    expect(view.member(outsider.id)).toBeUndefined();
    expect(view.member('person-02')).toMatchObject({ displayName: 'Liam Fischer' });
  });

  it('does not let a person of another organization with a member id shadow the member', () => {
    const org = demoOrg();
    org.directory.push({ id: 'person-02', orgId: 'org-contoso', displayName: 'Not Liam', email: 'not.liam@contoso.example', department: 'Sales' });
    expect(orgViewOf(org).member('person-02')).toMatchObject({ displayName: 'Liam Fischer', orgId: 'org-northwind' });
  });
});
