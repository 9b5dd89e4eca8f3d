import type { Role } from '../org/role';
import type { SyncMeta } from './status';

/**
 * Why this device must leave the purchaser's data as it is, if it must: an IT admin's session (the
 * server takes only purchasers' changes), or a copy kept after signing out (changes made to it
 * would reach the account at the next sign-in). Pages hide the controls that change data; the
 * background refuses the commands with the same words. Free of zod, so pages can import it.
 */
export type ReadOnly = { kind: 'admin'; text: string } | { kind: 'kept-copy'; text: string };

export const ADMIN_READ_ONLY =
  'Signed in as an IT admin: this extension is read-only. Use the admin console to see your organization’s subscriptions; purchasers buy and change their own.';

export function keptCopyReadOnly(name: string): string {
  return `Signed out: this is a read-only copy of ${name}’s data. Sign in again to make changes, or remove the copy in Settings.`;
}

/** From what the background knows: the session's role (also a session that must sign in again) and a kept copy. */
export function readOnlyFor(role: Role | undefined, keptFrom: { name: string } | undefined): ReadOnly | undefined {
  if (role === 'admin') return { kind: 'admin', text: ADMIN_READ_ONLY };
  if (keptFrom) return { kind: 'kept-copy', text: keptCopyReadOnly(keptFrom.name) };
  return undefined;
}

/** From the meta 'sync' row the pages read. */
export function readOnlyOf(meta: SyncMeta | undefined): ReadOnly | undefined {
  if (!meta) return undefined;
  switch (meta.state) {
    case 'local':
      return readOnlyFor(undefined, meta.keptFrom);
    default:
      return readOnlyFor(meta.role, undefined);
  }
}
