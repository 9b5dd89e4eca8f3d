import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import { personWords, projectOrg } from '../../../extension/store/org-projection';
import { memoryDb } from '../../fixtures/db';
import { createOrgDoc, orgDataFor, OrgRoomState, putOrgEntity, readOrgRoom, writeOrganization } from '../../../lib/room/org-doc';

describe('org projection', () => {
  it('indexes people by every word of their name and email', () => {
    expect(
      personWords({ id: 'p', orgId: 'o', displayName: 'Ana López', email: 'ana.lopez@northwind.example', department: 'IT' }),
    ).toEqual(['ana', 'lópez', 'lopez', 'northwind', 'example']);
  });

  it('lets the UI find a colleague by the start of a last name', async () => {
    const { db } = memoryDb();
    const org = demoOrg();
    await projectOrg(db, org);
    const someone = org.directory[7]!;
    const lastName = someone.displayName.split(' ').at(-1)!.slice(0, 3);
    const found = await db.people.where('words').startsWithIgnoreCase(lastName).distinct().toArray();
    expect(found.map((p) => p.id)).toContain(someone.id);
    expect(await db.products.count()).toBe(org.catalog.length);
  });

  it('carries the IT admin’s self-service policy from the org room into the products table', async () => {
    const { db } = memoryDb();
    const org = demoOrg();
    const doc = createOrgDoc();
    writeOrganization(doc, org.organization);
    for (const product of org.catalog) putOrgEntity(doc, 'catalog', product);
    for (const person of org.directory) putOrgEntity(doc, 'directory', person);
    const chat = org.catalog[0]!;
    putOrgEntity(doc, 'catalog', { ...chat, selfServicePolicy: 'deny' });
    await projectOrg(db, orgDataFor(OrgRoomState.parse(readOrgRoom(doc)), org.purchaser.id)!);
    expect((await db.products.get(chat.id))?.selfServicePolicy).toBe('deny');
  });
});
