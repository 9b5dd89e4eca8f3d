import * as z from 'zod/mini';

/** An id that can stand in a URL path segment as it is: what the CLI and the demo create. */
const ROOM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const RoomId = z.string().check(z.regex(ROOM_ID));

/**
 * The rooms of the sync server. The room name is the URL path after the server URL, as y-websocket's
 * WebsocketProvider builds it from its `roomname` argument.
 */
export const Room = z.discriminatedUnion('kind', [
  /** The organization: catalog and directory. Written by the server and its CLI only. */
  z.object({ kind: z.literal('org'), orgId: RoomId }),
  /** One purchaser's PurchaserState Y.Doc. */
  z.object({ kind: z.literal('purchaser'), orgId: RoomId, personId: RoomId }),
  /** Invoices and charges of one purchaser, written by the server only. */
  z.object({ kind: z.literal('billing'), orgId: RoomId, personId: RoomId }),
  /** One entry per subscription of every purchaser of the organization, maintained by the server for admins. */
  z.object({ kind: z.literal('summary'), orgId: RoomId }),
  /** The organization's support inbox: every purchaser's support requests, written by the server only, read by admins. */
  z.object({ kind: z.literal('support'), orgId: RoomId }),
]);
export type Room = z.infer<typeof Room>;
export type RoomKind = Room['kind'];

/**
 * The room a name designates, or undefined for a name that is no room. The same rules as `Room`,
 * checked by hand: the server parses every connection's and every polled row's name, and the
 * summary catch-up every stored room's (10,000 names through `Room.safeParse` took 10–40 ms).
 */
export function parseRoom(name: string): Room | undefined {
  const [kind, orgId, personId, ...rest] = name.split('/');
  if (rest.length > 0 || orgId === undefined || !ROOM_ID.test(orgId)) return undefined;
  if (kind === 'org' || kind === 'summary' || kind === 'support') return personId === undefined ? { kind, orgId } : undefined;
  if (kind === 'purchaser' || kind === 'billing') return personId !== undefined && ROOM_ID.test(personId) ? { kind, orgId, personId } : undefined;
  return undefined;
}

export function roomName(room: Room): string {
  return room.kind === 'org' || room.kind === 'summary' || room.kind === 'support' ? `${room.kind}/${room.orgId}` : `${room.kind}/${room.orgId}/${room.personId}`;
}
