import { useMemo } from 'preact/hooks';
import { selfServiceRows, type SelfServiceRow } from '../lib/admin/self-service-rows';
import { createOrgDoc } from '../lib/room/org-doc';
import { useLiveRoom, type LiveRoomEvents, type LiveStatus } from './use-live-room';

/** The organization room's catalog, live: each product with its self-service policy, as purchasers read it. */
export function useCatalog(orgId: string, token: string, events: LiveRoomEvents): { rows: SelfServiceRow[]; status: LiveStatus } {
  const { entries, status } = useLiveRoom(`org/${orgId}`, 'catalog', createOrgDoc, token, events);
  return { rows: useMemo(() => selfServiceRows(entries), [entries]), status };
}
