import { useMemo } from 'preact/hooks';
import { newRequestCount, supportInboxRows, type SupportInboxRow } from '../lib/admin/support-inbox-rows';
import { createSupportInboxDoc } from '../lib/room/support-inbox';
import { useLiveRoom, type LiveRoomEvents, type LiveStatus } from './use-live-room';

/** The organization's support inbox room: every purchaser's requests, new ones first, and how many are new. */
export function useSupportInbox(orgId: string, token: string, events: LiveRoomEvents): { rows: SupportInboxRow[]; newCount: number; status: LiveStatus } {
  const { entries, status } = useLiveRoom(`support/${orgId}`, 'requests', createSupportInboxDoc, token, events);
  const rows = useMemo(() => supportInboxRows(entries), [entries]);
  return { rows, newCount: newRequestCount(rows), status };
}
