import { afterEach, describe, expect, it } from 'vitest';
import { Invoice } from '../../lib/billing/schemas';
import { readEntity } from '../../lib/doc/read';
import { demoOrg } from '../../lib/org/demo';
import { demoSeedChanges } from '../../lib/org/demo-seed';
import { readBillingRoom } from '../../lib/room/billing-doc';
import { readOrganization } from '../../lib/room/org-doc';
import { openDb } from '../../server/db';
import { InvoiceSequence } from '../../server/extensions/billing/invoice-sequence';
import { loadRoomDoc } from '../../server/room-log';
import { MAYA } from './fixture';
import { tempDataDir, withAdmin } from './harness';

let data: ReturnType<typeof tempDataDir> | undefined;
afterEach(() => data?.remove());

describe('seedDemo', () => {
  it("issues the demo's invoice history in the organization's own series, in the billing room only", () => {
    data = tempDataDir();
    const { purchaser, billing } = withAdmin(data.dir, (admin) => {
      admin.seedDemo();
      return {
        purchaser: loadRoomDoc(admin.store, { kind: 'purchaser', orgId: MAYA.orgId, personId: MAYA.personId }).doc,
        billing: loadRoomDoc(admin.store, { kind: 'billing', orgId: MAYA.orgId, personId: MAYA.personId }).doc,
      };
    });
    // The purchaser room holds no invoice: a purchaser's list shows the server's series only.
    expect(purchaser.getMap('invoices').size).toBe(0);
    expect(readEntity(purchaser, 'subscriptions', 'sub-chat')).toMatchObject({ licenses: 100 });

    const invoices = Object.values((readBillingRoom(billing) as { invoices: Record<string, unknown> }).invoices).map((i) => Invoice.parse(i));
    const local = demoSeedChanges(demoOrg(), new Date().toISOString()).filter((c) => c.op === 'put' && c.collection === 'invoices');
    expect(invoices).toHaveLength(local.length);
    const byNumber = [...invoices].sort((a, b) => a.number.localeCompare(b.number));
    expect(byNumber.map((i) => i.number)).toEqual(byNumber.map((_, i) => `NL-${String(i + 1).padStart(6, '0')}`));
    expect(byNumber.map((i) => i.issuedOn)).toEqual(byNumber.map((i) => i.issuedOn).sort());
    expect(invoices.every((i) => i.paidWith?.last4 === '4242' && i.taxRateBps === 825)).toBe(true);

    // The server's next invoice follows them.
    const db = openDb(data.dir);
    try {
      expect(new InvoiceSequence(db).next(MAYA.orgId)).toBe(invoices.length + 1);
    } finally {
      db.close();
    }
  });
});

describe('setSeller', () => {
  it("sets the seller printed on an organization's invoices, read back with the organization", () => {
    data = tempDataDir();
    const organization = withAdmin(data.dir, (admin) => {
      admin.createOrganization({ id: 'org-acme', name: 'Acme', domain: 'acme.example', taxRateBps: 0, currency: 'EUR' });
      admin.setSeller('org-acme', { name: 'Acme Software GmbH', address: ['Hauptstraße 1', '10115 Berlin', 'Germany'], taxId: 'DE123456789' });
      expect(() => admin.setSeller('org-none', { name: 'X', address: [] })).toThrow('No organization org-none');
      return readOrganization(loadRoomDoc(admin.store, { kind: 'org', orgId: 'org-acme' }).doc);
    });
    expect(organization?.seller).toEqual({ name: 'Acme Software GmbH', address: ['Hauptstraße 1', '10115 Berlin', 'Germany'], taxId: 'DE123456789' });
  });
});
