import * as z from 'zod/mini';
import { IsoDateTime } from '../schemas/dates';
import { RoomId } from '../room/room-name';
import { Role } from '../org/role';

/** What `POST /api/refresh` answers: a new access token and a new (single-use) refresh token. */
export const Tokens = z.object({
  accessToken: z.string().check(z.minLength(1)),
  refreshToken: z.string().check(z.minLength(1)),
  /** When the access token expires. */
  expiresAt: IsoDateTime,
});
export type Tokens = z.infer<typeof Tokens>;

/** What `POST /api/sign-in` answers: tokens, and who they speak for. */
export const SignInReply = z.object({
  ...Tokens.shape,
  orgId: RoomId,
  personId: RoomId,
  role: Role,
  name: z.string(),
});
export type SignInReply = z.infer<typeof SignInReply>;

/**
 * What the background keeps in `storage.local` while signed in: the server and the tokens, never
 * anything from the purchaser's data. The document itself stays in IndexedDB.
 */
export const Session = z.object({ ...SignInReply.shape, serverUrl: z.string().check(z.minLength(1)) });
export type Session = z.infer<typeof Session>;

/**
 * How long before expiry the access token is renewed: long enough for a slow refresh to finish,
 * short against the server's 15-minute tokens.
 */
export const RENEW_BEFORE_MS = 2 * 60_000;

/** Milliseconds from `now` until the access token should be renewed; 0 when that is already due. */
export function renewalDelay(session: Pick<Session, 'expiresAt'>, now: number): number {
  return Math.max(0, Date.parse(session.expiresAt) - RENEW_BEFORE_MS - now);
}

export function withTokens(session: Session, tokens: Tokens): Session {
  return { ...session, ...tokens };
}

/**
 * Whose document this device holds: set when signing in, kept after signing out (the data stays),
 * absent for the demo. Signing in as someone else starts from an empty Y.Doc.
 */
export const Account = z.object({ serverUrl: Session.shape.serverUrl, orgId: RoomId, personId: RoomId });
export type Account = z.infer<typeof Account>;

export function sameAccount(a: Account | undefined, b: Account): boolean {
  return a !== undefined && a.serverUrl === b.serverUrl && a.orgId === b.orgId && a.personId === b.personId;
}
