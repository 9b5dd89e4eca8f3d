import * as Y from 'yjs';
import type { PaymentNotice } from '../../lib/billing/payment-notice';
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
import { CommandJournal, replayingIds, type JournalEntry } from '../store/command-journal';
import { addLocalNotice, dismissNotices } from '../store/notices';
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

const RECOVERING: Response = { ok: false, errors: { form: 'Seatkeeper is getting a fresh copy of your data from the sync server. Try again in a moment.' } };

/** A card command's input without the number and security code, which go to the processor only. */
function withoutCardNumbers(input: unknown): Record<string, unknown> {
  const { number: _number, securityCode: _securityCode, ...rest } = input as Record<string, unknown>;
  return rest;
}

/**
 * The journal entries a refusal is about: those that changed what its message starts with
 * (`subscriptions.<id>.<field>: …`, or the whole entity). Changes the journal does not hold (a
 * bug's) are gone with the fresh copy anyway. `repeated`: the same refusal came back after the
 * others ran again, so the first entry goes too, and recovering always ends.
 */
function refusedEntries(entries: readonly JournalEntry[], reason: string, repeated: boolean): JournalEntry[] {
  const named = /^(\w+)\.([^.:\s]+)(?:\.([^.:\s]+))?/.exec(reason);
  const touches = (change: Change) => {
    if (!named || change.collection !== named[1] || change.id !== named[2]) return false;
    const field = named[3];
    if (!field || change.op === 'remove') return true;
    return change.op === 'put' ? field in change.fields : change.field === field;
  };
  const touching = entries.filter((entry) => entry.changes.some(touches));
  return repeated && !touching.length ? entries.slice(0, 1) : touching;
}

const CARD_NEEDS_SERVER = 'The sync server cannot be reached, and a card is added through it: its payment processor must check the card before it can pay. Nothing was saved. Try again when you are online.';
const CARD_NEEDS_SIGN_IN = 'Sign in to the sync server to add a card: its payment processor must check the card before it can pay. Nothing was saved.';
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

  const journal = new CommandJournal(db);
  let recovering = false;
  /** A refusal that arrived while recovering from another: recovered from next. */
  let refusedMeanwhile: string | undefined;
  /** The refusal recovered from last: if the server says it again, something the journal ran again caused it. */
  let lastRecovered: string | undefined;

  /**
   * The server refused a change of this device: a bug or an older extension, never a user's
   * mistake (what an honest device can merge into is corrected by the server instead). Syncs a
   * fresh copy of the room, drops the commands not stored yet that touched what the refusal names
   * (the first one not stored when it names nothing), runs the others again against the fresh copy,
   * and tells the purchaser what was undone. A change refused again goes the same way, so this ends.
   */
  async function recover(reason: string): Promise<void> {
    if (!sync) return;
    if (recovering) {
      refusedMeanwhile = reason;
      return;
    }
    recovering = true;
    try {
      const unstored = await journal.unstored();
      const refused = refusedEntries(unstored, reason, reason === lastRecovered);
      lastRecovered = reason;
      await sync.freshCopy();
      const fresh = Y.snapshot(store.doc);
      await journal.clear();
      const undone = refused.map((entry) => entry.message);
      const later = unstored.filter((entry) => !refused.includes(entry));
      const org = await orgSource.load();
      for (const entry of later.filter((e) => !Y.snapshotContainsUpdate(fresh, e.update))) {
        const ctx: CommandContext = { now: entry.now, org, newId: replayingIds(entry.ids, newId), billing: 'server' };
        // A card command cannot run again without the card number, which was never kept: its changes are applied as they were.
        const result = CARD_COMMANDS.has(entry.name) ? { ok: true as const, changes: entry.changes, message: entry.message } : COMMANDS[entry.name](readState(store.doc), entry.input, ctx);
        const update = result.ok ? await store.apply(result.changes) : undefined;
        if (result.ok && update) await journal.record({ ...entry, update });
        else if (!result.ok) undone.push(entry.message);
      }
      await addLocalNotice(db, {
        key: `refused-${now()}`,
        at: now(),
        message: `The sync server refused a change from this device (${reason}), so Seatkeeper undid ${undone.length ? undone.map((m) => `“${m}”`).join(', ') : 'it'}. Everything else you did is kept.`,
      });
    } finally {
      recovering = false;
    }
    const again = refusedMeanwhile;
    refusedMeanwhile = undefined;
    if (again) await recover(again);
  }
  sync?.onRefusal((refusal) => {
    if (refusal.code === 'invalid' || refusal.code === 'read-only') void recover(refusal.message);
  });

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
        if (recovering) return RECOVERING;
        // A document that belongs to an account is billed by its sync server, even while signed out or offline.
        const billing = (await db.meta.get('account')) ? 'server' : 'local';
        const ids: string[] = [];
        const recordingId = () => {
          const id = newId();
          ids.push(id);
          return id;
        };
        const payments = (await db.meta.get('payments'))?.value as Record<string, PaymentNotice> | undefined;
        const paymentFailed = (id: string) => payments?.[id]?.state === 'declined' || payments?.[id]?.state === 'no-payment-method';
        const ctx: CommandContext = { now: now(), org: await orgSource.load(), newId: recordingId, billing, paymentFailed };
        const command = COMMANDS[request.name];
        let result = command(readState(store.doc), request.input, ctx);
        if (!result.ok) return result;
        // The journal keeps what a command needs to run again; of a card, never the number or code.
        let input = CARD_COMMANDS.has(request.name) ? withoutCardNumbers(request.input) : request.input;
        if (CARD_COMMANDS.has(request.name) && (sync || billing === 'server')) {
          // Only a card the command accepted goes to the processor; its reference joins the card's details.
          const tokenized = await sync?.tokenize(request.input as CardNumbers);
          if (tokenized && !tokenized.ok) return { ok: false, errors: tokenized.errors };
          // The server bills this document and charges only cards its processor holds: without a token, nothing is stored.
          if (!tokenized && billing === 'server') return { ok: false, errors: { form: (await sync?.signedIn()) ? CARD_NEEDS_SERVER : CARD_NEEDS_SIGN_IN } };
          if (tokenized) {
            input = { ...(input as Record<string, unknown>), cardRef: tokenized.cardRef };
            ids.length = 0;
            result = command(readState(store.doc), { ...(request.input as object), cardRef: tokenized.cardRef }, ctx);
          }
          if (!result.ok) return result;
        }
        const update = await store.apply(result.changes);
        if (billing === 'server') {
          if (update) await journal.record({ name: request.name, input, now: ctx.now, ids, changes: result.changes, message: result.message, update });
          await sync?.expectCharges(billedSubscriptions(result.changes));
        }
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
        // Also a copy kept after signing out gives way: the demo belongs to no account.
        if (sync) await sync.forgetAccount();
        else await store.reset();
        await seed();
        return { ok: true, message: 'Demo data restored.', canUndo: false };
      case 'signIn':
        return sync ? sync.signIn(request.serverUrl, request.code) : SYNC_UNAVAILABLE;
      case 'signOut': {
        if (!sync) return SYNC_UNAVAILABLE;
        const reply = await sync.signOut(request.keep);
        // Without the account's data the device is as on first start: the demo.
        if (reply.ok && !request.keep) await seed();
        return reply;
      }
      case 'dismissNotices':
        await dismissNotices(db, request.keys);
        return { ok: true, message: '', canUndo: store.canUndo };
      case 'setReminders': {
        const daysBefore = [...new Set(request.daysBefore)].sort((a, b) => b - a);
        await db.meta.put({ key: 'reminders', value: { enabled: request.enabled, daysBefore } });
        return { ok: true, message: request.enabled ? `Reminders ${daysBefore.join(' and ')} days ahead` : 'Reminders off', canUndo: store.canUndo };
      }
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
