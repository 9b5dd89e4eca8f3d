import type { FieldErrors } from '../../../lib/commands/result';
import type { Response } from '../../../lib/messaging/requests';
import type { Refusal } from '../../../lib/room/messages';
import { signInWithCode, type Fetch } from '../../../lib/sync/auth-client';
import { readOnlyFor } from '../../../lib/sync/read-only';
import type { RoomConnection } from '../../../lib/sync/room-connection';
import { parseServerUrl } from '../../../lib/sync/server-url';
import { sameAccount, type Account, type Session } from '../../../lib/sync/session';
import { snapshotOfUpdate } from '../../../lib/sync/stored-state';
import { tokenizeCard, type CardNumbers } from '../../../lib/sync/tokenize-client';
import type { SeatkeeperDb } from '../../store/db';
import { clearOrg } from '../../store/org-projection';
import { wipeAccount } from '../../store/wipe';
import type { PurchaserStore } from '../../store/purchaser-store';
import { Projections } from './projections';
import { RoomLinks } from './room-links';
import { SessionKeeper, type SessionStorage, type Timers } from './session-keeper';
import { SyncStatus } from './sync-status';
import { WriteQueue } from './write-queue';

export type { SessionStorage, Timers } from './session-keeper';

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
  /**
   * Forgets the tokens and disconnects. `keep`: the account's data stays on this device, read-only
   * until that account signs in again, so nothing done while signed out ever reaches it. Otherwise
   * every trace of the account (document, tables, journal, notices) is wiped, as by `forgetAccount`.
   */
  signOut(keep: boolean): Promise<Response>;
  /** Leaves the device without any account: signed out, the document and every table and meta row emptied. */
  forgetAccount(): Promise<void>;
  /**
   * Has the server's payment processor tokenize a card: its token, field errors when the processor
   * refuses the card, or undefined when signed out or the server cannot be reached (the purchaser
   * room is not connected, or the request fails).
   */
  tokenize(card: CardNumbers): Promise<{ ok: true; cardRef: string } | { ok: false; errors: FieldErrors } | undefined>;
  /** Shows the subscriptions 'awaiting confirmation' until the server's charge for their last change arrives. */
  expectCharges(subscriptionIds: readonly string[]): Promise<void>;
  /** The periodic alarm: renews a due token, reconnects rooms the server closed. */
  wake(): Promise<void>;
  /** Resolves once the sync row and the organization reflect everything so far. */
  settled(): Promise<void>;
  /** Calls `listener` when the server refuses a change of the purchaser room. Returns the unsubscribe function. */
  onRefusal(listener: (refusal: Refusal) => void): () => void;
  /**
   * Drops the local document for an empty one and resolves once the purchaser room has synced into
   * it: what the server has, without the change it refused. Everything local is gone from it.
   */
  freshCopy(): Promise<void>;
  /** Disconnects without forgetting the session (tests; a closing worker). */
  stop(): void;
}

/**
 * The background's side of sync, wiring four parts: the session and its tokens (SessionKeeper),
 * the rooms of the signed-in purchaser (RoomLinks), the projections of the server's rooms into
 * Dexie (Projections) and the sync row (SyncStatus). All their IndexedDB writes go through one
 * WriteQueue, in order.
 */
export function createSyncService({ db, store, sessions, fetch, WebSocket, now, timers }: SyncDeps): SyncService {
  const queue = new WriteQueue();
  let links: RoomLinks | undefined;
  /**
   * The access token a refresh after a 4401 issued, until the purchaser room syncs with it: a 4401
   * for this token too means signing in again.
   */
  let issuedAfter401: string | undefined;
  let resumed: Promise<void> | undefined;
  const refusalListeners = new Set<(refusal: Refusal) => void>();
  /** Waiting for the purchaser room's next first sync. */
  const onlineWaiters: (() => void)[] = [];

  const keeper = new SessionKeeper(
    { fetch, sessions, now, timers },
    { renewed: (session) => connectOrRenew(session), ended: () => disconnect(), changed: () => status.publish() },
  );
  const status = new SyncStatus(db, store, queue, now, () => ({ mode: keeper.mode, room: links?.purchaser.status }));
  const projections = new Projections(db, store, queue, () => links);

  // Remote updates prove what the server stored; every update may change the waiting count.
  function onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (links && origin === links.purchaser.origin) status.learnStored(snapshotOfUpdate(update));
    if (keeper.mode.kind !== 'local') status.publish();
    if (links) projections.payments();
  }
  let watched = store.doc;
  watched.on('update', onDocUpdate);
  store.onReplace((doc) => {
    watched.off('update', onDocUpdate);
    watched = doc;
    doc.on('update', onDocUpdate);
    const session = keeper.session;
    if (links && session) connect(session);
  });

  function connect(session: Session): void {
    disconnect();
    links = new RoomLinks(session, store.doc, WebSocket, {
      purchaserStatus: (next) => {
        if (next === 'online') {
          issuedAfter401 = undefined;
          for (const resolve of onlineWaiters.splice(0)) resolve();
        }
        status.publish();
      },
      stored: (snapshot) => status.stored(snapshot),
      refused: (refusal) => {
        status.refused(refusal.message);
        for (const listener of refusalListeners) listener(refusal);
      },
      closed: (room, code, reason) => void onClosed(room, code, reason),
      orgChanged: () => projections.org(),
      billingChanged: () => projections.payments(),
    });
    keeper.scheduleRenewal(session);
    status.publish();
  }

  function disconnect(): void {
    keeper.cancelRenewal();
    links?.close();
    links = undefined;
  }

  function connectOrRenew(session: Session): void {
    if (!links) return connect(session);
    links.reconnect(session.accessToken);
    keeper.scheduleRenewal(session);
    status.publish();
  }

  /**
   * A room the server closed for good. The three rooms often close together (a token that expired
   * closes them all): each 4401 is judged by the token that room used, so they share one refresh,
   * and a room whose close is heard after the refresh only misses its reconnect.
   */
  async function onClosed(room: RoomConnection, code: number, reason: string): Promise<void> {
    if (keeper.mode.kind !== 'signed-in' || !links?.owns(room)) return;
    if (code === 4401) {
      const current = keeper.mode.session.accessToken;
      if (room.token !== current) return room.reconnect(current);
      if (current === issuedAfter401) return keeper.needSignIn('The sync server no longer accepts your sign-in. Sign in again.');
      // The refresh reconnects every room with the new token (connectOrRenew).
      if (await keeper.refresh()) issuedAfter401 = keeper.session?.accessToken;
      else status.publish();
      return;
    }
    if (code === 4403) return keeper.needSignIn(reason || 'Your access to this organization changed. Sign in again.');
    disconnect();
    keeper.stopWithError(`The sync server closed the connection: ${reason || `code ${code}`}`);
    status.publish();
  }

  async function loadState(): Promise<void> {
    const last = await status.load();
    const session = await keeper.load();
    if (session) {
      if (keeper.mode.kind === 'signed-in' && !links) connect(keeper.mode.session);
      return;
    }
    if (keeper.mode.kind !== 'local') return;
    if (last?.state === 'signed-out') {
      const { serverUrl, name, role, message } = last;
      keeper.restoreSignedOut({ kind: 'signed-out', serverUrl, name, ...(role ? { role } : {}), message });
      status.publish();
    } else if (last?.state === 'local' && last.keptFrom) {
      keeper.restoreSignedOut({ kind: 'local', kept: last.keptFrom });
    } else if (last && last.state !== 'local') {
      status.publish();
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
      return keeper.session !== undefined;
    },

    async readOnly() {
      await resumed;
      const { mode } = keeper;
      const role = keeper.session?.role ?? (mode.kind === 'signed-out' ? mode.role : undefined);
      return readOnlyFor(role, mode.kind === 'local' ? mode.kept : undefined)?.text;
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
        status.forgetStored();
        await db.meta.put({ key: 'account', value: account });
      }
      status.clearProblem();
      issuedAfter401 = undefined;
      await keeper.start(session);
      connect(session);
      await queue.settled();
      return { ok: true, message: `Signed in as ${session.name}.`, canUndo: store.canUndo };
    },

    async signOut(keep) {
      await resumed;
      const { mode } = keeper;
      const who = keeper.session ?? (mode.kind === 'signed-out' ? mode : undefined);
      if (!who) return fail({ form: 'This device is not signed in.' });
      disconnect();
      if (!keep) {
        await this.forgetAccount();
        return { ok: true, message: 'Signed out. This account’s data was removed from this device.', canUndo: false };
      }
      await keeper.forget({ name: who.name, serverUrl: who.serverUrl });
      status.publish();
      await queue.settled();
      return { ok: true, message: 'Signed out. A read-only copy of your data stays on this device.', canUndo: false };
    },

    async forgetAccount() {
      await resumed;
      disconnect();
      await keeper.forget();
      await queue.settled();
      status.forgetStored();
      await store.reset();
      await wipeAccount(db);
      status.publish();
      await queue.settled();
    },

    async tokenize(card) {
      await resumed;
      for (let attempt = 0; attempt < 2; attempt++) {
        const session = keeper.session;
        if (keeper.mode.kind !== 'signed-in' || !session) return undefined;
        // Offline as the pages show it (their card form is disabled then): no request that could hang on a dead link.
        if (links?.purchaser.status !== 'online') return undefined;
        const result = await tokenizeCard(fetch, session.serverUrl, session.accessToken, card);
        if (result.ok) return result;
        if (result.kind === 'refused') return { ok: false, errors: result.errors };
        // An access token that lapsed is renewed once; anything else means offline.
        if (result.kind === 'unreachable' || !(await keeper.refresh())) return undefined;
      }
      return undefined;
    },

    async expectCharges(subscriptionIds) {
      const awaiting = ((await db.meta.get('awaitingCharge'))?.value as string[] | undefined) ?? [];
      await db.meta.put({ key: 'awaitingCharge', value: [...new Set([...awaiting, ...subscriptionIds])] });
      projections.payments();
      await queue.settled();
    },

    async wake() {
      await resumed;
      if (keeper.mode.kind !== 'signed-in') return;
      if (keeper.renewalDue() || !links || links.stopped) await keeper.refresh();
    },

    settled() {
      return queue.settled();
    },

    onRefusal(listener) {
      refusalListeners.add(listener);
      return () => refusalListeners.delete(listener);
    },

    async freshCopy() {
      const online = new Promise<void>((resolve) => onlineWaiters.push(resolve));
      status.forgetStored();
      // Replacing the document reconnects the purchaser room with the new one (onReplace above).
      await store.reset();
      await online;
      status.clearProblem();
      status.publish();
      await queue.settled();
    },

    stop() {
      disconnect();
    },
  };
}
