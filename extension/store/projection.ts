import type * as Y from 'yjs';
import type { ZodMiniType } from 'zod/mini';
import { BillingAccount, BillingProfile, Invoice, PaymentMethod } from '../../lib/billing/schemas';
import type { ChangedEntities } from '../../lib/doc/changed-entities';
import { readEntity } from '../../lib/doc/read';
import type { Collection } from '../../lib/state';
import { Subscription } from '../../lib/subscriptions/schema';
import { SupportRequest } from '../../lib/support/schema';
import type { SeatkeeperDb } from './db';

const SCHEMAS: Record<Collection, ZodMiniType> = {
  subscriptions: Subscription,
  billingAccounts: BillingAccount,
  billingProfiles: BillingProfile,
  paymentMethods: PaymentMethod,
  invoices: Invoice,
  supportRequests: SupportRequest,
};

/** The subscription rows a projection wrote and the ids it removed. */
export interface ProjectedSubscriptions {
  put: Subscription[];
  deleted: string[];
}

/**
 * Rewrites the given entities' rows from the Y.Doc: an entity that no longer passes its schema
 * (a merge from another device can produce one) is left out of the projection rather than shown
 * half-broken; it stays in the document, so nothing is lost. Call inside a Dexie transaction.
 * Returns what it did to subscriptions, for the projections derived from them.
 */
export async function projectEntities(db: SeatkeeperDb, doc: Y.Doc, changed: ChangedEntities): Promise<ProjectedSubscriptions> {
  let subscriptions: ProjectedSubscriptions = { put: [], deleted: [] };
  for (const [collection, ids] of changed) {
    const table = db.table(collection);
    const puts: unknown[] = [];
    const deletes: string[] = [];
    for (const id of ids) {
      const parsed = SCHEMAS[collection].safeParse(readEntity(doc, collection, id));
      if (parsed.success) puts.push(parsed.data);
      else deletes.push(id);
    }
    if (puts.length) await table.bulkPut(puts);
    if (deletes.length) await table.bulkDelete(deletes);
    if (collection === 'subscriptions') subscriptions = { put: puts as Subscription[], deleted: deletes };
  }
  return subscriptions;
}
