import type { FieldErrors } from '../../../lib/commands/result';
import type { Response } from '../../../lib/messaging/requests';
import type { Refusal } from '../../../lib/room/messages';
import { signInWithCode, type Fetch } from '../../../lib/sync/auth-client';
import { parseServerUrl } from '../../../lib/sync/server-url';
import { sameAccount, type Account, type Session } from '../../../lib/sync/session';
import { snapshotOfUpdate } from '../../../lib/sync/stored-state';
import { tokenizeCard, type CardNumbers } from '../../../lib/sync/tokenize-client';
import type { SeatkeeperDb } from '../../store/db';
import { clearOrg } from '../../store/org-projection';
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
  signOut(): Promise<Response>;
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
  /** Set by a refresh made because the server said 401; a second 401 before syncing means signing in again. */
  let refreshedAfter401 = false;
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
          refreshedAfter401 = false;
          for (const resolve of onlineWaiters.splice(0)) resolve();
        }
        status.publish();
      },
      stored: (snapshot) => status.stored(snapshot),
      refused: (refusal) => {
        status.refused(refusal.message);
        for (const listener of refusalListeners) listener(refusal);
      },
      closed: (code, reason) => void onClosed(code, reason),
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

  async function onClosed(code: number, reason: string): Promise<void> {
    if (keeper.mode.kind !== 'signed-in') return;
    if (code === 4401) {
      if (refreshedAfter401) return keeper.needSignIn('The sync server no longer accepts your sign-in. Sign in again.');
      if (await keeper.refresh()) refreshedAfter401 = true;
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
      keeper.restoreSignedOut({ kind: 'signed-out', serverUrl: last.serverUrl, name: last.name, message: last.message });
      status.publish();
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
      return keeper.session?.role === 'admin'
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
        status.forgetStored();
        await db.meta.put({ key: 'account', value: account });
      }
      status.clearProblem();
      refreshedAfter401 = false;
      await keeper.start(session);
      connect(session);
      await queue.settled();
      return { ok: true, message: `Signed in as ${session.name}.`, canUndo: store.canUndo };
    },

    async signOut() {
      await resumed;
      disconnect();
      await keeper.forget();
      status.publish();
      await queue.settled();
      return { ok: true, message: 'Signed out. Your data stays on this device.', canUndo: store.canUndo };
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
