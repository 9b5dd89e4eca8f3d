import { SupportRequest } from '../../lib/support/schema';
import type { Extension } from '../extension';
import type { SupportInbox } from '../support-inbox';

/**
 * Support requests reach the organization's admins. The purchaser rules correct a new request to
 * `received` (`judgeSupportRequest`); this puts each one received into the support inbox room in
 * the same commit, so a request is received in both rooms or in neither.
 */
export function support({ inbox }: { inbox: SupportInbox }): Extension {
  return {
    name: 'support',
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
