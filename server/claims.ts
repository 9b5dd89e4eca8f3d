import * as z from 'zod/mini';
import { RoomId } from '../lib/room/room-name';
import { Role } from '../lib/org/role';

/** Who a verified access token speaks for. */
export const Claims = z.object({
  orgId: RoomId,
  personId: RoomId,
  role: Role,
  /** Expiry, in seconds since the epoch, as in the token. */
  exp: z.number(),
});
export type Claims = z.infer<typeof Claims>;
