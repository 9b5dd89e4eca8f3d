import type * as Y from 'yjs';
import type { OrgData } from '../org/schemas';
import { OrgRoomState, orgDataFor, readOrgRoom } from './org-doc';

/**
 * The organization as one signed-in person sees it, read from the org room's document; undefined
 * until the room is complete and valid, or when the person is not in its directory.
 */
export function readOrgData(doc: Y.Doc, personId: string): OrgData | undefined {
  const parsed = OrgRoomState.safeParse(readOrgRoom(doc));
  return parsed.success ? orgDataFor(parsed.data, personId) : undefined;
}
