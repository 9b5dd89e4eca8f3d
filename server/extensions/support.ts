import { SupportRequest } from '../../lib/support/schema';
import type { Extension } from '../extension';
import type { SupportInbox } from '../support-inbox';

/**
 * Support requests reach the organization's admins. The purchaser rules correct a new request to
 * `received` (`judgeSupportRequest`); this puts each one received into the support inbox room in
 * the same commit, so a request is received in both rooms or in neither. `catchUpAfterMs` after the
 * server listens, requests still queued in storage are received too.
 */
export function support({ inbox, catchUpAfterMs = 1_000 }: { inbox: SupportInbox; catchUpAfterMs?: number }): Extension {
  let catchUp: NodeJS.Timeout | undefined;
  return {
    name: 'support',
    onListen() {
      catchUp = setTimeout(() => void inbox.receiveQueued(), catchUpAfterMs);
    },
    onDestroy() {
      clearTimeout(catchUp);
      inbox.stop();
    },
    onAccept({ room, before, after, now }) {
      if (room.ref.kind !== 'purchaser') return;
      const received = Object.entries(after.supportRequests ?? {}).flatMap(([id, value]) => {
        if (before.supportRequests?.[id] !== undefined) return [];
        const request = SupportRequest.safeParse(value);
        return request.success && request.data.status === 'received' ? [request.data] : [];
      });
      inbox.received(room.ref.orgId, room.ref.personId, received, new Date(now).toISOString());
    },
  };
}
