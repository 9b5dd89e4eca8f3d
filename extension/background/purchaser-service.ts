import { COMMANDS } from '../../lib/commands/registry';
import type { CommandContext } from '../../lib/commands/result';
import type { IsoDateTime } from '../../lib/dates';
import { readState } from '../../lib/doc/read';
import type { Change } from '../../lib/doc/change';
import type { CommandName, Request, Response } from '../../lib/messaging/requests';
import { Request as RequestSchema } from '../../lib/messaging/requests';
import { demoSeedChanges } from '../../lib/org/demo-seed';
import type { OrgSource } from '../../lib/org/source';
import type { SeatkeeperDb } from '../store/db';
import { projectOrg } from '../store/org-projection';
import { PurchaserStore, SEED } from '../store/purchaser-store';
import type { CardNumbers } from '../../lib/sync/tokenize-client';
import type { SyncService } from './sync/sync-service';

export interface ServiceDeps {
  db: SeatkeeperDb;
  /** Read on every command, so a catalog synced meanwhile is used at once. */
  orgSource: OrgSource;
  now: () => IsoDateTime;
  newId: () => string;
  /** The document's store, when the sync service shares it; a new one otherwise. */
  store?: PurchaserStore;
  /** Without it the extension stays local-only and refuses signIn. */
  sync?: SyncService;
}

export interface PurchaserService {
  /** Answers one message from a page; never throws, every failure becomes a readable error. */
  handle(raw: unknown): Promise<Response>;
}

/** Commands that take a new card number: with a sync server, its processor tokenizes the card first. */
const CARD_COMMANDS = new Set<CommandName>(['addPaymentMethod', 'replacePaymentMethod']);

/** Subscriptions whose license count the changes set: a purchase or a license change, which the server bills. */
function billedSubscriptions(changes: readonly Change[]): string[] {
  return changes.flatMap((change) => (change.op === 'put' && change.collection === 'subscriptions' && 'licenses' in change.fields ? [change.id] : []));
}

const SYNC_UNAVAILABLE: Response = { ok: false, errors: { form: 'Syncing is not available here.' } };
const NOT_UNDERSTOOD: Response = { ok: false, errors: { form: 'Seatkeeper did not understand that request. Reload the page and try again.' } };

/**
 * The background's side of the message contract: it owns the purchaser's document, runs commands
 * against it and reports field errors back. Opening is lazy, so a woken service worker answers the
 * first message as soon as its document is loaded.
 */
export function createPurchaserService({ db, orgSource, now, newId, store = new PurchaserStore(db), sync }: ServiceDeps): PurchaserService {
  /** Makes the document the demo's: no account, local only, the demo organization and its seed. */
  async function seed(): Promise<void> {
    await db.meta.bulkDelete(['account', 'syncStored', 'awaitingCharge', 'payments']);
    const org = await orgSource.load();
    await projectOrg(db, org);
    await db.meta.put({ key: 'sync', value: { state: 'local' } });
    await store.apply(demoSeedChanges(org, now()), SEED);
  }

  const opened = (async () => {
    const hadData = await store.open();
    // A signed-in document starts empty and fills from the server: it is never seeded.
    if (!hadData && !(await db.meta.get('account'))) await seed();
    // Connecting must not hold up answering pages. A failed resume shows again on the next sign-in or wake.
    sync?.resume().catch(() => undefined);
  })();

  async function run(request: Request): Promise<Response> {
    await opened;
    if (request.type === 'command' || request.type === 'undo') {
      const readOnly = await sync?.readOnly();
      if (readOnly) return { ok: false, errors: { form: readOnly } };
    }
    switch (request.type) {
      case 'ready':
        return { ok: true, message: '', canUndo: store.canUndo };
      case 'command': {
        // A document that belongs to an account is billed by its sync server, even while signed out or offline.
        const billing = (await db.meta.get('account')) ? 'server' : 'local';
        const ctx: CommandContext = { now: now(), org: await orgSource.load(), newId, billing };
        const command = COMMANDS[request.name];
        let result = command(readState(store.doc), request.input, ctx);
        if (!result.ok) return result;
        if (sync && CARD_COMMANDS.has(request.name)) {
          // Only a card the command accepted goes to the processor; its token joins the card's details.
          const tokenized = await sync.tokenize(request.input as CardNumbers);
          if (tokenized && !tokenized.ok) return { ok: false, errors: tokenized.errors };
          if (tokenized) result = command(readState(store.doc), { ...(request.input as object), cardRef: tokenized.cardRef }, ctx);
          if (!result.ok) return result;
        }
        await store.apply(result.changes);
        if (billing === 'server') await sync?.expectCharges(billedSubscriptions(result.changes));
        return { ok: true, message: result.message, canUndo: store.canUndo };
      }
      case 'undo':
        if (!store.canUndo) return { ok: false, errors: { form: 'There is nothing to undo.' } };
        await store.undo();
        return { ok: true, message: 'Undone.', canUndo: store.canUndo };
      case 'resetDemo':
        if (await sync?.signedIn()) {
          return { ok: false, errors: { form: 'Sign out of the sync server first: demo data must not reach your organization.' } };
        }
        await store.reset();
        await seed();
        return { ok: true, message: 'Demo data restored.', canUndo: false };
      case 'signIn':
        return sync ? sync.signIn(request.serverUrl, request.code) : SYNC_UNAVAILABLE;
      case 'signOut':
        return sync ? sync.signOut() : SYNC_UNAVAILABLE;
    }
  }

  return {
    async handle(raw) {
      const parsed = RequestSchema.safeParse(raw);
      if (!parsed.success) return NOT_UNDERSTOOD;
      try {
        return await run(parsed.data);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, errors: { form: `Your change could not be saved: ${reason}` } };
      }
    },
  };
}
