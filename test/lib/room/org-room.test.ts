import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import { createOrgDoc, putOrgEntity, writeOrganization } from '../../../lib/room/org-doc';
import { readOrgData } from '../../../lib/room/org-room';

function orgRoom() {
  const org = demoOrg();
  const doc = createOrgDoc();
  writeOrganization(doc, org.organization);
  for (const product of org.catalog) putOrgEntity(doc, 'catalog', product);
  for (const person of org.directory) putOrgEntity(doc, 'directory', person);
  return { org, doc };
}

describe('readOrgData', () => {
  it('reads the catalog and directory for the signed-in person', () => {
    const { org, doc } = orgRoom();
    const someone = org.directory[3]!;
    const data = readOrgData(doc, someone.id)!;
    expect(data.purchaser).toEqual(someone);
    expect(data.organization).toEqual(org.organization);
    expect(data.catalog.map((p) => p.id).sort()).toEqual(org.catalog.map((p) => p.id).sort());
    expect(data.directory).toHaveLength(org.directory.length);
  });

  it('is undefined until the room is complete, or for someone not in the directory', () => {
    expect(readOrgData(createOrgDoc(), 'person-01')).toBeUndefined();
    expect(readOrgData(orgRoom().doc, 'nobody')).toBeUndefined();
  });
});
