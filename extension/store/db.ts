import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { JournalEntry } from './command-journal';
import type { ShownNotice } from '../../lib/sync/server-notices';
import type { PaymentNotice } from '../../lib/billing/payment-notice';
import type { ReminderSettings } from '../../lib/insights/renewal-reminders';
import type { WasteSnapshot } from '../../lib/insights/waste-ledger';
import type { BillingAccount, BillingProfile, Invoice, PaymentMethod } from '../../lib/billing/schemas';
import type { Organization, Person, Product } from '../../lib/org/schemas';
import type { Subscription } from '../../lib/subscriptions/schema';
import type { SupportRequest } from '../../lib/support/schema';
import type { Account } from '../../lib/sync/session';
import type { SyncMeta } from '../../lib/sync/status';
import { DB_NAME, DB_STORES } from './schema';

/** A directory entry with the lower-cased words of its name and email, for type-ahead search. */
export type PersonRow = Person & { words: string[] };

/** One persisted Yjs update of the purchaser's Y.Doc. */
export interface UpdateRow {
  seq?: number;
  update: Uint8Array;
}

export interface MetaRows {
  organization: Organization;
  purchaser: Person;
  /** How the local document relates to a sync server. */
  sync: SyncMeta;
  /** Whose document this is once signed in (kept after signing out); absent for the demo. */
  account: Account;
  /** What the sync server is known to have stored of the purchaser room: an encoded Y.Snapshot. */
  syncStored: Uint8Array;
  /** Subscriptions this device bought or changed whose charge by the sync server has not arrived. */
  awaitingCharge: string[];
  /** By subscription id: awaiting or failed payment of its last purchase or license change. */
  payments: Record<string, PaymentNotice>;
  /** What the server corrected or this device undid, to show until dismissed (see `shownNotices`). */
  notices: ShownNotice[];
  /** This device's own notices: changes the server refused, which it undid. */
  localNotices: ShownNotice[];
  /** Keys of the notices dismissed on this device. */
  noticesDismissed: string[];
  /** Commands whose changes the server may not have stored yet (see CommandJournal). */
  journal: JournalEntry[];
  /** Renewal and expiry reminders on this device (DEFAULT_REMINDERS until changed). */
  reminders: ReminderSettings;
  /** Keys of the reminders shown already, so each is shown once (see `dueReminders`). */
  remindersShown: string[];
  /** The subscriptions' total waste, rewritten with them (see PurchaserStore). */
  waste: WasteSnapshot;
  /**
   * How many rows the subscriptions table holds, rewritten with them: IndexedDB's count() walks
   * every key, and the popup shows this number each time it opens.
   */
  subscriptionCount: number;
}
export type MetaKey = keyof MetaRows;
export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K;
  value: MetaRows[K];
}

/**
 * The extension's IndexedDB. `updates` is the source of truth (the Yjs document's log); every other
 * table is a projection of it, rewritten by the background only, and read by the UI with liveQuery.
 */
export class SeatkeeperDb extends Dexie {
  updates!: EntityTable<UpdateRow, 'seq'>;
  subscriptions!: EntityTable<Subscription, 'id'>;
  billingAccounts!: EntityTable<BillingAccount, 'id'>;
  billingProfiles!: EntityTable<BillingProfile, 'id'>;
  paymentMethods!: EntityTable<PaymentMethod, 'id'>;
  invoices!: EntityTable<Invoice, 'id'>;
  supportRequests!: EntityTable<SupportRequest, 'id'>;
  products!: EntityTable<Product, 'id'>;
  people!: EntityTable<PersonRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(DB_STORES);
  }
}
