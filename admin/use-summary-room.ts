import { createSummaryDoc } from '../lib/room/summary';
import { useLiveRoots, type LiveRoomEvents, type LiveStatus } from './use-live-room';

const ROOTS = ['entries', 'notifications'];
const NOTHING: Record<string, unknown> = {};

/** The organization's summary room: one entry per subscription of every purchaser, and the latest purchase notifications. */
export function useSummaryRoom(orgId: string, token: string, events: LiveRoomEvents): { entries: Record<string, unknown>; notifications: Record<string, unknown>; status: LiveStatus } {
  const { roots, status } = useLiveRoots(`summary/${orgId}`, ROOTS, createSummaryDoc, token, events);
  return { entries: roots.entries ?? NOTHING, notifications: roots.notifications ?? NOTHING, status };
}
