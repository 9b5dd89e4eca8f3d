import { describe, expect, it } from 'vitest';
import { demoOrg } from '../../../lib/org/demo';
import { demoOrgSource } from '../../../lib/org/source';
import { clearOrg, projectOrg } from '../../../extension/store/org-projection';
import { accountOrgSource } from '../../../extension/background/account-org-source';
import { memoryDb } from '../../fixtures/db';

const ACCOUNT = { key: 'account', value: { serverUrl: 'http://127.0.0.1:8787', orgId: 'org-northwind', personId: 'person-01' } } as const;

describe('accountOrgSource', () => {
  it('is the demo organization while the document belongs to no account', async () => {
    const { db } = memoryDb();
    expect(await accountOrgSource(db, demoOrgSource).load()).toEqual(demoOrg());
  });

  it('reads the organization projected from the org room back, as it was synced', async () => {
    const { db } = memoryDb();
    const org = demoOrg();
    await projectOrg(db, org);
    await db.meta.put(ACCOUNT);
    const loaded = await accountOrgSource(db, { load: () => Promise.reject(new Error('not the demo')) }).load();
    expect(loaded.organization).toEqual(org.organization);
    expect(loaded.purchaser).toEqual(org.purchaser);
    expect(new Set(loaded.catalog)).toEqual(new Set(org.catalog));
    expect(loaded.directory).toHaveLength(org.directory.length);
    expect(loaded.directory.find((p) => p.id === org.directory[5]!.id)).toEqual(org.directory[5]);
  });

  it('says the catalog has not arrived yet rather than check against another organization’s', async () => {
    const { db } = memoryDb();
    await projectOrg(db, demoOrg());
    await clearOrg(db);
    await db.meta.put(ACCOUNT);
    await expect(accountOrgSource(db, demoOrgSource).load()).rejects.toThrow('has not arrived');
  });
});
