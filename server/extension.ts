import type { Change } from '../lib/doc/change';
import type { Refusal } from '../lib/room/messages';
import type { Room as RoomRef } from '../lib/room/room-name';
import type { Notice } from '../lib/rules/judgement';
import type { TouchedEntries } from '../lib/rules/purchaser-update';
import type { Claims } from './claims';
import type { Room } from './rooms';
import type { LogOp } from './storage';

export type Who = Pick<Claims, 'orgId' | 'personId' | 'role'>;

export interface RoomRights {
  read: boolean;
  write: boolean;
}

/** A writer's update, applied to its room and being judged: what it touched, as it was and as it is. */
export interface UpdateContext {
  room: Room;
  /** Keys of the room's record roots the update touched (see `changedKeys`). */
  touched: ReadonlyMap<string, ReadonlySet<string>>;
  /** The touched entries before the update; absent keys held nothing. */
  before: TouchedEntries;
  /** The touched entries after the update (and, in `onAccept` and later, after the corrections). */
  after: TouchedEntries;
  /** The server's clock, in ms since the epoch, when the update arrived. */
  now: number;
  /** The writer's device, as its browser names itself (`deviceLabel`). */
  device: string;
}

/**
 * What an extension decides about an update: refuse it (a lie: nothing of it is kept), or keep it
 * with corrections the server applies in the same commit and notices for the purchaser.
 */
export type Verdict = { ok: false; refusal: Refusal } | { ok: true; corrections?: readonly Change[]; notices?: readonly Notice[] };

/** An accepted update, just before its commit: with the notices of its corrections. */
export interface AcceptedUpdate extends UpdateContext {
  notices: readonly Notice[];
}

/**
 * A policy of the sync server (model: Hocuspocus' `Extension`). Every hook is optional and the
 * server calls each extension's hook in the order the extensions were given. The pipeline itself
 * (receive → check → group commit → broadcast → acknowledge, `Rooms`) knows none of the policies.
 *
 * Checks are synchronous on purpose: an update is judged inside the transaction that applied it,
 * before anything else can touch the room, so a verdict is never about a room that moved meanwhile.
 * Slow work (a payment processor's round trip) belongs after the commit, from a durable job.
 */
export interface Extension {
  readonly name: string;
  /** What a person may do in a room. The first extension that answers decides; nobody answering means no access. */
  onAuthorize?(who: Who, room: RoomRef): RoomRights | undefined;
  /** Judges a writer's update. The first refusal wins; every extension's corrections are applied, in order. */
  onCheck?(update: UpdateContext): Verdict | undefined;
  /**
   * The update (and its corrections) will be stored. Returned ops join the same transaction (a
   * billing job in the outbox); server writes made here (`Rooms.write`) join the same group commit.
   */
  onAccept?(update: AcceptedUpdate): readonly LogOp[] | void;
  /** After the commit that stored the update and its broadcast; before the writer is told. */
  afterStore?(update: AcceptedUpdate): void;
  /** A room's document changed, whoever changed it; rooms not in memory come with only their ref. */
  onChange?(room: RoomRef): void;
  /** The server listens: start timers, catch up on work left by a crash. */
  onListen?(): void;
  /** The server stops: stop timers, finish what is in flight. */
  onDestroy?(): Promise<void> | void;
}

/** Runs the hooks of several extensions as one, in order. */
export class Extensions {
  constructor(readonly list: readonly Extension[]) {}

  authorize(who: Who, room: RoomRef): RoomRights {
    for (const extension of this.list) {
      const rights = extension.onAuthorize?.(who, room);
      if (rights) return rights;
    }
    return { read: false, write: false };
  }

  check(update: UpdateContext): Verdict {
    const corrections: Change[] = [];
    const notices: Notice[] = [];
    for (const extension of this.list) {
      const verdict = extension.onCheck?.(update);
      if (!verdict) continue;
      if (!verdict.ok) return verdict;
      corrections.push(...(verdict.corrections ?? []));
      notices.push(...(verdict.notices ?? []));
    }
    return { ok: true, corrections, notices };
  }

  accept(update: AcceptedUpdate): LogOp[] {
    return this.list.flatMap((extension) => extension.onAccept?.(update) ?? []);
  }

  stored(update: AcceptedUpdate): void {
    for (const extension of this.list) {
      try {
        extension.afterStore?.(update);
      } catch (error) {
        // The update is stored and acknowledged whatever happens here: one policy's bug must not refuse it.
        console.error(`${extension.name} failed after storing an update of ${update.room.name}:`, error);
      }
    }
  }

  changed(room: RoomRef): void {
    for (const extension of this.list) extension.onChange?.(room);
  }

  listen(): void {
    for (const extension of this.list) extension.onListen?.();
  }

  async destroy(): Promise<void> {
    for (const extension of this.list) await extension.onDestroy?.();
  }
}
