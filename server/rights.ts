import type { Room } from '../lib/room/room-name';
import type { Claims } from './claims';

type Who = Pick<Claims, 'orgId' | 'personId' | 'role'>;

/**
 * A purchaser reads their own purchaser and billing rooms and their organization's room; an admin
 * reads every room of their organization (the summary and the support inbox are theirs alone);
 * nobody reaches another organization.
 */
export function canRead(who: Who, room: Room): boolean {
  if (who.orgId !== room.orgId) return false;
  if (who.role === 'admin') return true;
  switch (room.kind) {
    case 'org':
      return true;
    case 'purchaser':
    case 'billing':
      return room.personId === who.personId;
    case 'summary':
    case 'support':
      return false;
  }
}

/** Only a purchaser writes, and only their own purchaser room: everything else is the server's. */
export function canWrite(who: Who, room: Room): boolean {
  return who.role === 'purchaser' && room.kind === 'purchaser' && room.orgId === who.orgId && room.personId === who.personId;
}
