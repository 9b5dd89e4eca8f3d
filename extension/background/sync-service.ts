import * as Y from 'yjs';
import type { PaymentNotice } from '../../lib/billing/payment-notice';
import { Invoice } from '../../lib/billing/schemas';
import type { FieldErrors } from '../../lib/commands/result';
import type { Response } from '../../lib/messaging/requests';
import type { MetaRow, SeatkeeperDb } from '../store/db';
import { clearOrg, projectOrg } from '../store/org-projection';
import type { PurchaserStore } from '../store/purchaser-store';
import { refreshTokens, signInWithCode, type Fetch } from '../../lib/sync/auth-client';
import { createBillingDoc } from '../../lib/room/billing-doc';
import { createOrgDoc } from '../../lib/room/org-doc';
import { readOrgData } from '../../lib/room/org-room';
import { paymentNotices } from '../../lib/sync/payment-notices';
import { connectRoom, type RoomConnection } from '../../lib/sync/room-connection';
import { roomName } from '../../lib/room/room-name';
import { parseServerUrl } from '../../lib/sync/server-url';
import { Session, renewalDelay, sameAccount, type Account } from '../../lib/sync/session';
import type { SyncMeta } from '../../lib/sync/status';
import { mergeSnapshots, snapshotOfUpdate } from '../../lib/sync/stored-state';
import { tokenizeCard, type CardNumbers } from '../../lib/sync/tokenize-client';
import { waitingChanges } from '../../lib/sync/waiting-changes';

/** Where the session lives between service-worker restarts (`storage.local` in the extension). */
export interface SessionStorage {
  load(): Promise<unknown>;
  save(session: Session): Promise<void>;
  clear(): Promise<void>;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncDeps {
  db: SeatkeeperDb;
  store: PurchaserStore;
  sessions: SessionStorage;
  fetch: Fetch;
  /** The platform's WebSocket constructor. */
  WebSocket: unknown;
  /** Milliseconds since the epoch. */
  now: () => number;
  timers: Timers;
}

export interface SyncService {
  /** Picks up the stored session and connects; call once the document is open. */
  resume(): Promise<void>;
  signedIn(): Promise<boolean>;
  /** Why commands must leave the document alone now, if they must: the server only takes purchasers' changes. */
  readOnly(): Promise<string | undefined>;
  signIn(serverUrl: string, code: string): Promise<Response>;
  signOut(): Promise<Response>;
  /**
   * Has the server's payment processor tokenize a card: its token, field errors when the processor
   * refuses the card, or undefined when signed out or the server cannot be reached.
   */
  tokenize(card: CardNumbers): Promise<{ ok: true; token: string } | { ok: false; errors: FieldErrors } | undefined>;
  /** Shows the subscriptions 'awaiting confirmation' until the server's charge for their last change arrives. */
  expectCharges(subscriptionIds: readonly string[]): Promise<void>;
  /** The periodic alarm: renews a due token, reconnects rooms the server closed. */
  wake(): Promise<void>;
  /** Resolves once the sync row and the organization reflect everything so far. */
  settled(): Promise<void>;
  /** Disconnects without forgetting the session (tests; a closing worker). */
  stop(): void;
}

/** How soon to try a refresh again when the server could not be reached. */
const RETRY_MS = 30_000;

type Mode =
  | { kind: 'local' }
  | { kind: 'signed-in'; session: Session }
  /** The server stopped the connection for a reason a new token does not fix. */
  | { kind: 'error'; session: Session; message: string }
  | { kind: 'signed-out'; serverUrl: string; name: string; message: string };

interface Links {
  purchaser: RoomConnection;
  org: RoomConnection;
  orgDoc: Y.Doc;
  billing: RoomConnection;
  billingDoc: Y.Doc;
  close(): void;
}

/**
 * The background's side of sync: signs in and out, keeps the access token fresh, connects the
 * purchaser's document to its room and the org room to the Dexie projection, and keeps the meta
 * 'sync' row truthful (state, and how many changes the server has not confirmed storing).
 */
export function createSyncService({ db, store, sessions, fetch, WebSocket, now, timers }: SyncDeps): SyncService {
  let mode: Mode = { kind: 'local' };
  let links: Links | undefined;
  /** What the server is known to have stored of the purchaser room; persisted as meta 'syncStored'. */
  let known: Y.Snapshot = Y.emptySnapshot;
  let knownChanged = false;
  let lastSyncedAt: string | undefined;
  let problem: string | undefined;
  let renewTimer: unknown;
  let refreshing: Promise<boolean> | undefined;
  /** Set by a refresh made because the server said 401; a second 401 before syncing means signing in again. */
  let refreshedAfter401 = false;
  let writes: Promise<void> = Promise.resolve();
  let publishQueued = false;
  let projectionQueued = false;
  let paymentsQueued = false;
  /** Whether the billing room has synced once since it connected, so an empty document means no charges. */
  let billingSynced = false;
  let resumed: Promise<void> | undefined;

  const sessionOf = (m: Mode) => (m.kind === 'signed-in' || m.kind === 'error' ? m.session : undefined);

  function waiting(): number {
    return waitingChanges(store.doc, known);
  }

  function meta(): SyncMeta {
    switch (mode.kind) {
      case 'local':
        return { state: 'local' };
      case 'error':
        return { state: 'error', message: mode.message };
      case 'signed-out':
        return { state: 'signed-out', waiting: waiting(), serverUrl: mode.serverUrl, name: mode.name, message: mode.message };
      case 'signed-in': {
        const { serverUrl, name, role } = mode.session;
        const state = links?.purchaser.status ?? 'offline';
        return {
          state,
          waiting: waiting(),
          serverUrl,
          name,
          role,
          ...(lastSyncedAt ? { lastSyncedAt } : {}),
          ...(problem ? { problem } : {}),
        };
      }
    }
  }

  /** Rewrites the sync row (and the known stored snapshot) once per burst of events, in order. */
  function publish(): void {
    if (publishQueued) return;
    publishQueued = true;
    writes = writes
      .then(async () => {
        publishQueued = false;
        const rows: MetaRow[] = [{ key: 'sync', value: meta() }];
        if (knownChanged) {
          knownChanged = false;
          rows.push({ key: 'syncStored', value: Y.encodeSnapshot(known) });
        }
        await db.meta.bulkPut(rows);
      })
      .catch(() => undefined);
  }

  function learnStored(snapshot: Y.Snapshot): void {
    known = mergeSnapshots(known, snapshot);
    knownChanged = true;
  }

  // Remote updates prove what the server stored; every update may change the waiting count.
  function onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (links && origin === links.purchaser.origin) learnStored(snapshotOfUpdate(update));
    if (mode.kind !== 'local') publish();
    if (links) projectPayments();
  }
  let watched = store.doc;
  watched.on('update', onDocUpdate);
  store.onReplace((doc) => {
    watched.off('update', onDocUpdate);
    watched = doc;
    doc.on('update', onDocUpdate);
    const session = sessionOf(mode);
    if (links && session) connect(session);
  });

  function projectOrgRoom(orgDoc: Y.Doc, personId: string): void {
    if (projectionQueued) return;
    projectionQueued = true;
    writes = writes
      .then(async () => {
        projectionQueued = false;
        if (!links || links.orgDoc !== orgDoc) return;
        const org = readOrgData(orgDoc, personId);
        if (org) await projectOrg(db, org);
      })
      .catch(() => undefined);
  }

  /**
   * Copies the billing room's invoices into the invoices table (the purchaser document's own stay
   * there too), and rewrites the payment notices of the subscriptions. Once per burst, in order.
   */
  function projectPayments(): void {
    if (paymentsQueued) return;
    paymentsQueued = true;
    writes = writes
      .then(async () => {
        paymentsQueued = false;
        const billingDoc = links && billingSynced ? links.billingDoc : undefined;
        const [awaiting, previous] = await Promise.all([db.meta.get('awaitingCharge'), db.meta.get('payments')]);
        const result = paymentNotices(store.doc, billingDoc, (awaiting?.value as string[] | undefined) ?? [], (previous?.value as Record<string, PaymentNotice> | undefined) ?? {});
        const invoices = billingDoc
          ? [...billingDoc.getMap<unknown>('invoices').values()].flatMap((entry) => {
              const parsed = Invoice.safeParse(entry instanceof Y.Map ? entry.toJSON() : entry);
              return parsed.success ? [parsed.data] : [];
            })
          : [];
        await db.transaction('rw', [db.meta, db.invoices], async () => {
          if (invoices.length) await db.invoices.bulkPut(invoices);
          await db.meta.bulkPut([
            { key: 'awaitingCharge', value: result.awaiting },
            { key: 'payments', value: result.notices },
          ]);
        });
      })
      .catch(() => undefined);
  }

  function connect(session: Session): void {
    disconnect();
    const { serverUrl, orgId, personId, accessToken: token } = session;
    const purchaser = connectRoom(
      { serverUrl, room: roomName({ kind: 'purchaser', orgId, personId }), doc: store.doc, token, WebSocket },
      {
        status(status) {
          if (status === 'online') refreshedAfter401 = false;
          publish();
        },
        stored(snapshot) {
          learnStored(snapshot);
          if (waiting() === 0) {
            lastSyncedAt = new Date(now()).toISOString();
            problem = undefined;
          }
          publish();
        },
        refused(refusal) {
          problem = refusal.message;
          publish();
        },
        closed: (code, reason) => void onClosed(code, reason),
      },
    );
    const orgDoc = createOrgDoc();
    const org = connectRoom(
      { serverUrl, room: roomName({ kind: 'org', orgId }), doc: orgDoc, token, WebSocket },
      { status: () => undefined, stored: () => undefined, refused: () => undefined, closed: (code, reason) => void onClosed(code, reason) },
    );
    orgDoc.on('update', () => projectOrgRoom(orgDoc, personId));
    // Read only: the server writes the billing room; this device shows its invoices and charges.
    const billingDoc = createBillingDoc();
    billingSynced = false;
    const billing = connectRoom(
      { serverUrl, room: roomName({ kind: 'billing', orgId, personId }), doc: billingDoc, token, WebSocket },
      {
        status(status) {
          if (status !== 'online' || billingSynced) return;
          billingSynced = true;
          projectPayments();
        },
        stored: () => undefined,
        refused: () => undefined,
        closed: (code, reason) => void onClosed(code, reason),
      },
    );
    billingDoc.on('update', () => projectPayments());
    links = {
      purchaser,
      org,
      orgDoc,
      billing,
      billingDoc,
      close() {
        purchaser.destroy();
        org.destroy();
        billing.destroy();
        orgDoc.destroy();
        billingDoc.destroy();
      },
    };
    scheduleRenewal(renewalDelay(session, now()));
    publish();
  }

  function disconnect(): void {
    timers.clear(renewTimer);
    links?.close();
    links = undefined;
  }

  function scheduleRenewal(ms: number): void {
    timers.clear(renewTimer);
    renewTimer = timers.set(() => void refresh(), ms);
  }

  /** Exchanges the refresh token (single use, so one exchange at a time) and reconnects with the new access token. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const session = sessionOf(mode);
      if (!session) return false;
      const result = await refreshTokens(fetch, session.serverUrl, session.refreshToken);
      if (sessionOf(mode) !== session) return false;
      if (!result.ok) {
        if (result.kind === 'refused') await needSignIn('Your sign-in has expired. Sign in again to keep syncing.');
        else scheduleRenewal(RETRY_MS);
        return false;
      }
      const next: Session = { ...session, ...result.reply };
      mode = mode.kind === 'error' ? { ...mode, session: next } : { kind: 'signed-in', session: next };
      await sessions.save(next);
      if (mode.kind === 'signed-in') connectOrRenew(next);
      return true;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  function connectOrRenew(session: Session): void {
    if (!links) return connect(session);
    links.purchaser.reconnect(session.accessToken);
    links.org.reconnect(session.accessToken);
    links.billing.reconnect(session.accessToken);
    scheduleRenewal(renewalDelay(session, now()));
    publish();
  }

  async function onClosed(code: number, reason: string): Promise<void> {
    if (mode.kind !== 'signed-in') return;
    if (code === 4401) {
      if (refreshedAfter401) return needSignIn('The sync server no longer accepts your sign-in. Sign in again.');
      if (await refresh()) refreshedAfter401 = true;
      else publish();
      return;
    }
    if (code === 4403) return needSignIn(reason || 'Your access to this organization changed. Sign in again.');
    disconnect();
    mode = { kind: 'error', session: mode.session, message: `The sync server closed the connection: ${reason || `code ${code}`}` };
    publish();
  }

  async function needSignIn(message: string): Promise<void> {
    const session = sessionOf(mode);
    if (!session) return;
    disconnect();
    mode = { kind: 'signed-out', serverUrl: session.serverUrl, name: session.name, message };
    await sessions.clear();
    publish();
  }

  async function loadState(): Promise<void> {
    const [stored, sync, snapshot] = await Promise.all([sessions.load(), db.meta.get('sync'), db.meta.get('syncStored')]);
    if (snapshot) known = Y.decodeSnapshot(snapshot.value as Uint8Array);
    const last = sync?.value as SyncMeta | undefined;
    if (last && 'lastSyncedAt' in last) lastSyncedAt = last.lastSyncedAt;
    const session = Session.safeParse(stored);
    if (session.success) {
      mode = { kind: 'signed-in', session: session.data };
      // A token that expired while the worker slept is renewed before connecting, not after a 401.
      if (renewalDelay(session.data, now()) === 0) await refresh();
      if (mode.kind === 'signed-in' && !links) connect(mode.session);
      return;
    }
    if (last?.state === 'signed-out') {
      mode = { kind: 'signed-out', serverUrl: last.serverUrl, name: last.name, message: last.message };
      publish();
    } else if (last && last.state !== 'local') {
      publish();
    }
  }

  function fail(errors: FieldErrors): Response {
    return { ok: false, errors };
  }

  return {
    resume() {
      resumed ??= loadState();
      return resumed;
    },

    async signedIn() {
      await resumed;
      return sessionOf(mode) !== undefined;
    },

    async readOnly() {
      await resumed;
      return sessionOf(mode)?.role === 'admin'
        ? 'You are signed in as an admin, who sees purchasers’ subscriptions in the admin console but does not change them here.'
        : undefined;
    },

    async signIn(serverUrlInput, code) {
      await resumed;
      const server = parseServerUrl(serverUrlInput);
      if (!server.ok) return fail({ serverUrl: server.message });
      if (!code.trim()) return fail({ code: 'Enter the one-time code your IT admin gave you' });
      const result = await signInWithCode(fetch, server.url, code);
      if (!result.ok) return fail(result.kind === 'refused' ? { code: result.message } : { serverUrl: result.message });

      const session: Session = { ...result.reply, serverUrl: server.url };
      const account: Account = { serverUrl: session.serverUrl, orgId: session.orgId, personId: session.personId };
      disconnect();
      const owner = (await db.meta.get('account'))?.value as Account | undefined;
      if (!sameAccount(owner, account)) {
        // Another account's (or the demo's) data must not reach this account's room.
        await store.reset();
        await clearOrg(db);
        await db.meta.bulkDelete(['awaitingCharge', 'payments']);
        known = Y.emptySnapshot;
        knownChanged = true;
        lastSyncedAt = undefined;
        await db.meta.put({ key: 'account', value: account });
      }
      problem = undefined;
      refreshedAfter401 = false;
      mode = { kind: 'signed-in', session };
      await sessions.save(session);
      connect(session);
      await writes;
      return { ok: true, message: `Signed in as ${session.name}.`, canUndo: store.canUndo };
    },

    async signOut() {
      await resumed;
      disconnect();
      mode = { kind: 'local' };
      await sessions.clear();
      publish();
      await writes;
      return { ok: true, message: 'Signed out. Your data stays on this device.', canUndo: store.canUndo };
    },

    async tokenize(card) {
      await resumed;
      for (let attempt = 0; attempt < 2; attempt++) {
        const session = sessionOf(mode);
        if (mode.kind !== 'signed-in' || !session) return undefined;
        const result = await tokenizeCard(fetch, session.serverUrl, session.accessToken, card);
        if (result.ok) return result;
        if (result.kind === 'refused') return { ok: false, errors: result.errors };
        // An access token that lapsed is renewed once; anything else means offline.
        if (result.kind === 'unreachable' || !(await refresh())) return undefined;
      }
      return undefined;
    },

    async expectCharges(subscriptionIds) {
      const awaiting = ((await db.meta.get('awaitingCharge'))?.value as string[] | undefined) ?? [];
      await db.meta.put({ key: 'awaitingCharge', value: [...new Set([...awaiting, ...subscriptionIds])] });
      projectPayments();
      await writes;
    },

    async wake() {
      await resumed;
      const session = sessionOf(mode);
      if (mode.kind !== 'signed-in' || !session) return;
      if (renewalDelay(session, now()) === 0 || !links || links.purchaser.stopped || links.org.stopped || links.billing.stopped) await refresh();
    },

    settled() {
      return writes;
    },

    stop() {
      disconnect();
    },
  };
}
