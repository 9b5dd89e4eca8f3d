import type { SyncMeta } from './status';

/**
 * Why a new card number cannot be entered now, or undefined when it can. A document that belongs
 * to an account is billed by its sync server, which charges only cards its payment processor
 * tokenized: so a card is added only while that server can be reached. The demo takes cards offline.
 * Kept free of zod so pages can import it.
 */
export function cardEntryBlock(sync: SyncMeta | undefined, hasAccount: boolean): string | undefined {
  if (!hasAccount) return undefined;
  const why = 'A new card is checked by your organization’s payment processor through the sync server before it can pay, so nothing can be saved now.';
  switch (sync?.state) {
    case 'online':
      return undefined;
    case 'connecting':
      return `Connecting to the sync server… ${why} This form opens as soon as it is connected.`;
    case 'offline':
    case 'error':
      return `The sync server cannot be reached. ${why} This form opens again once you are back online.`;
    default:
      return `Sign in to the sync server to add a card. ${why}`;
  }
}
