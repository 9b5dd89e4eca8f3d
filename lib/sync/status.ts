import * as z from 'zod/mini';
import { IsoDateTime } from '../schemas/dates';
import { Role } from '../org/role';

const Waiting = z.int().check(z.gte(0));

/** Whose account a copy kept on this device after signing out is. */
export const KeptCopy = z.object({ name: z.string(), serverUrl: z.string() });
export type KeptCopy = z.infer<typeof KeptCopy>;

/**
 * How the local document relates to a sync server: the meta 'sync' row, written by the background
 * and read by every page's sync line. `waiting` counts the entities with changes the server has
 * not confirmed storing (see `waitingChanges`).
 */
export const SyncMeta = z.union([
  /**
   * Never signed in, or signed out: the document lives on this device only. `keptFrom`: signed out
   * keeping a copy of that account's data, which stays read-only until it signs in again.
   */
  z.object({ state: z.literal('local'), keptFrom: z.optional(KeptCopy) }),
  z.object({
    state: z.enum(['connecting', 'online', 'offline']),
    waiting: Waiting,
    serverUrl: z.string(),
    name: z.string(),
    role: Role,
    /** When the server last confirmed storing everything this device had. */
    lastSyncedAt: z.optional(IsoDateTime),
    /** Why the server refused the last change it refused; cleared once everything is stored. */
    problem: z.optional(z.string()),
  }),
  /** The server no longer accepts the tokens: edits stay here until the purchaser signs in again. */
  z.object({ state: z.literal('signed-out'), waiting: Waiting, serverUrl: z.string(), name: z.string(), role: z.optional(Role), message: z.string() }),
  z.object({ state: z.literal('error'), message: z.string(), role: z.optional(Role) }),
]);
export type SyncMeta = z.infer<typeof SyncMeta>;
export type SyncState = SyncMeta['state'];
