import * as Y from 'yjs';
import type { PaymentNotice } from '../../../lib/billing/payment-notice';
import { Invoice } from '../../../lib/billing/schemas';
import { readOrgData } from '../../../lib/room/org-room';
import { paymentNotices } from '../../../lib/sync/payment-notices';
import { shownNotices, type ShownNotice } from '../../../lib/sync/server-notices';
import type { SeatkeeperDb } from '../../store/db';
import { projectOrg } from '../../store/org-projection';
import type { PurchaserStore } from '../../store/purchaser-store';
import type { RoomLinks } from './room-links';
import type { WriteQueue } from './write-queue';

/**
 * Projections of the server-written rooms into the Dexie tables the pages read, once per burst:
 * the org room into products, people and meta; the billing room's invoices into `invoices` (the
 * purchaser document's own stay there too), its charges into the payment notices and its notices
 * (the server's corrections, with this device's own) into `notices`.
 */
export class Projections {
  /** Projects the org room of the current links. */
  readonly org: () => void;
  /** Rewrites invoices and payment notices; also without links, so notices follow the document. */
  readonly payments: () => void;

  constructor(db: SeatkeeperDb, store: PurchaserStore, queue: WriteQueue, links: () => RoomLinks | undefined) {
    this.org = queue.coalesced(async () => {
      const current = links();
      const org = current && readOrgData(current.orgDoc, current.personId);
      if (org) await projectOrg(db, org);
    });
    this.payments = queue.coalesced(async () => {
      const billingDoc = links()?.syncedBillingDoc;
      const [awaiting, previous] = await db.meta.bulkGet(['awaitingCharge', 'payments']);
      const result = paymentNotices(store.doc, billingDoc, (awaiting?.value as string[] | undefined) ?? [], (previous?.value as Record<string, PaymentNotice> | undefined) ?? {});
      const invoices = billingDoc ? billingInvoices(billingDoc) : [];
      await db.transaction('rw', [db.meta, db.invoices], async () => {
        // Read in the transaction that writes: a local notice added meanwhile must not be lost.
        const [local, dismissed] = await db.meta.bulkGet(['localNotices', 'noticesDismissed']);
        const notices = shownNotices(billingDoc, (local?.value as ShownNotice[] | undefined) ?? [], (dismissed?.value as string[] | undefined) ?? []);
        if (invoices.length) await db.invoices.bulkPut(invoices);
        await db.meta.bulkPut([
          { key: 'awaitingCharge', value: result.awaiting },
          { key: 'payments', value: result.notices },
          { key: 'notices', value: notices },
        ]);
      });
    });
  }
}

function billingInvoices(billingDoc: Y.Doc): Invoice[] {
  return [...billingDoc.getMap<unknown>('invoices').values()].flatMap((entry) => {
    const parsed = Invoice.safeParse(entry instanceof Y.Map ? entry.toJSON() : entry);
    return parsed.success ? [parsed.data] : [];
  });
}
