import * as Y from 'yjs';
import { applyChanges } from '../lib/doc/apply';
import { demoOrg } from '../lib/org/demo';
import { demoSeedChanges } from '../lib/org/demo-seed';
import { putOrgEntity } from '../lib/room/org-doc';
import { createRoomDoc } from '../lib/room/room-doc';
import { TokenService, loadSecret, type Who } from '../server/auth';
import { openDb } from '../server/db';
import { OrgAdmin } from '../server/org-admin';
import { appendChange } from '../server/room-log';
import { UpdateStore } from '../server/storage';

export interface BenchOrg {
  purchasers: Who[];
  admins: Who[];
}

export const purchaserRoom = (who: Who) => `purchaser/${who.orgId}/${who.personId}`;

/**
 * An organization (the demo's catalog, under `orgId`) with `purchasers` purchasers and `admins`
 * admins in Seatkeeper's data directory, made the way the CLI makes one: OrgAdmin, one directory change.
 */
export function seatkeeperOrg(dataDir: string, orgId: string, purchasers: number, admins: number): BenchOrg {
  const org = demoOrg();
  const organization = { ...org.organization, id: orgId };
  const people = (prefix: string, count: number, role: Who['role']) => Array.from({ length: count }, (_, i): Who => ({ orgId, personId: `${prefix}-${i}`, role }));
  const result = { purchasers: people('buyer', purchasers, 'purchaser'), admins: people('admin', admins, 'admin') };
  const everyone = [...result.purchasers, ...result.admins];
  const admin = OrgAdmin.open(dataDir);
  try {
    admin.createOrganization(organization, org.catalog);
    appendChange(admin.store, { kind: 'org', orgId }, (doc) => {
      for (const who of everyone) {
        putOrgEntity(doc, 'directory', { id: who.personId, orgId, displayName: who.personId, email: `${who.personId}@${organization.domain}`, department: '' });
      }
    });
    for (const who of everyone) admin.members.setRole(orgId, who.personId, who.role);
  } finally {
    admin.close();
  }
  return result;
}

export async function accessTokens(dataDir: string, people: readonly Who[]): Promise<string[]> {
  const db = openDb(dataDir);
  try {
    const service = new TokenService(loadSecret(dataDir), db);
    return await Promise.all(people.map(async (who) => (await service.issue(who)).accessToken));
  } finally {
    db.close();
  }
}

/**
 * Stores the demo purchaser's history in each purchaser's room, as the CLI would: a purchaser may
 * not write invoices or another purchaser's subscriptions into their room, so Seatkeeper's rooms are
 * seeded on the server's side (the peers', which check nothing, by their clients).
 */
export function storePurchaserHistories(dataDir: string, purchasers: readonly Who[]): void {
  const seed = purchaserSeedUpdate();
  const db = openDb(dataDir);
  try {
    const store = new UpdateStore(db);
    db.transaction(() => {
      for (const who of purchasers) store.append(purchaserRoom(who), seed);
    })();
  } finally {
    db.close();
  }
}

/** One purchaser's demo history (subscriptions, invoices, card) as a single Yjs update. */
export function purchaserSeedUpdate(): Uint8Array {
  const doc = createRoomDoc('purchaser');
  applyChanges(doc, demoSeedChanges(demoOrg(), new Date().toISOString()), null);
  return Y.encodeStateAsUpdate(doc);
}
