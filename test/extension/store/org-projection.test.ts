import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import { personWords, projectOrg } from '../../../extension/store/org-projection';
import { memoryDb } from '../../fixtures/db';

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
});
