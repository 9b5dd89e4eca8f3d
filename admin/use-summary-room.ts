import { createSummaryDoc } from '../lib/room/summary';
import { useLiveRoom, type LiveRoomEvents, type LiveStatus } from './use-live-room';

/** The organization's summary room: one entry per subscription of every purchaser. */
export function useSummaryRoom(orgId: string, token: string, events: LiveRoomEvents): { entries: Record<string, unknown>; status: LiveStatus } {
  return useLiveRoom(`summary/${orgId}`, 'entries', createSummaryDoc, token, events);
}
