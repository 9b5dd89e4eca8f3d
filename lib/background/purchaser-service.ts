import { COMMANDS } from '../commands/registry';
import type { CommandContext } from '../commands/result';
import type { IsoDateTime } from '../dates';
import { readState } from '../doc/read';
import type { Request, Response } from '../messaging/requests';
import { Request as RequestSchema } from '../messaging/requests';
import { demoSeedChanges } from '../org/demo-seed';
import type { OrgSource } from '../org/source';
import type { OrgData } from '../org/schemas';
import type { SeatkeeperDb } from '../store/db';
import { projectOrg } from '../store/org-projection';
import { PurchaserStore, SEED } from '../store/purchaser-store';

export interface ServiceDeps {
  db: SeatkeeperDb;
  orgSource: OrgSource;
  now: () => IsoDateTime;
  newId: () => string;
}

export interface PurchaserService {
  /** Answers one message from a page; never throws, every failure becomes a readable error. */
  handle(raw: unknown): Promise<Response>;
}

const NOT_UNDERSTOOD: Response = { ok: false, errors: { form: 'Seatkeeper did not understand that request. Reload the page and try again.' } };

/**
 * The background's side of the message contract: it owns the purchaser's document, runs commands
 * against it and reports field errors back. Opening is lazy, so a woken service worker answers the
 * first message as soon as its document is loaded.
 */
export function createPurchaserService({ db, orgSource, now, newId }: ServiceDeps): PurchaserService {
  const store = new PurchaserStore(db);
  let org: OrgData;

  async function seed(): Promise<void> {
    org = await orgSource.load();
    await projectOrg(db, org);
    await store.apply(demoSeedChanges(org, now()), SEED);
  }

  const opened = (async () => {
    const hadData = await store.open();
    if (hadData) org = await orgSource.load();
    else await seed();
  })();

  async function run(request: Request): Promise<Response> {
    await opened;
    switch (request.type) {
      case 'ready':
        return { ok: true, message: '', canUndo: store.canUndo };
      case 'command': {
        const ctx: CommandContext = { now: now(), org, newId };
        const result = COMMANDS[request.name](readState(store.doc), request.input, ctx);
        if (!result.ok) return result;
        await store.apply(result.changes);
        return { ok: true, message: result.message, canUndo: store.canUndo };
      }
      case 'undo':
        if (!store.canUndo) return { ok: false, errors: { form: 'There is nothing to undo.' } };
        await store.undo();
        return { ok: true, message: 'Undone.', canUndo: store.canUndo };
      case 'resetDemo':
        await store.reset();
        await seed();
        return { ok: true, message: 'Demo data restored.', canUndo: false };
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
