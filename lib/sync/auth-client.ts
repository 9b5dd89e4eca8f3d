import type { Role } from '../org/role';
import { SignInReply } from './session';

/** The part of `fetch` the client uses, injected so lib stays free of globals and tests need no server. */
export type Fetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export type AuthFailure =
  /** No answer: offline, wrong address, server down. Worth retrying later. */
  | { kind: 'unreachable'; message: string }
  /** The server answered 401/400: the code or refresh token is no good. Retrying cannot help. */
  | { kind: 'refused'; message: string }
  /** Something answered, but not like a Seatkeeper sync server. */
  | { kind: 'not-a-server'; message: string };

export type AuthResult = { ok: true; reply: SignInReply } | ({ ok: false } & AuthFailure);

/**
 * `POST /api/sign-in {code, role?}`: a one-time code from the admin for tokens and who they speak
 * for. With `role`, the server refuses (403) a code of someone with another role without using it.
 */
export function signInWithCode(fetch: Fetch, serverUrl: string, code: string, role?: Role): Promise<AuthResult> {
  return post(fetch, `${serverUrl}/api/sign-in`, { code: code.trim(), ...(role ? { role } : {}) });
}

/** `POST /api/refresh {refreshToken}`: the refresh token is single use, so the answer must be kept. */
export function refreshTokens(fetch: Fetch, serverUrl: string, refreshToken: string): Promise<AuthResult> {
  return post(fetch, `${serverUrl}/api/refresh`, { refreshToken });
}

async function post(fetch: Fetch, url: string, body: object): Promise<AuthResult> {
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, kind: 'unreachable', message: `Could not reach the sync server at ${new URL(url).origin}. Check the address and your connection.` };
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    return { ok: false, kind: 'refused', message: serverError(answer) ?? 'The sync server refused this sign-in.' };
  }
  const reply = response.ok ? SignInReply.safeParse(answer) : undefined;
  if (reply?.success) return { ok: true, reply: reply.data };
  if (response.status >= 500) return { ok: false, kind: 'unreachable', message: `The sync server had a problem (${response.status}). Try again in a moment.` };
  return { ok: false, kind: 'not-a-server', message: 'That address does not answer like a Seatkeeper sync server.' };
}

function serverError(answer: unknown): string | undefined {
  const error = typeof answer === 'object' && answer !== null ? (answer as { error?: unknown }).error : undefined;
  return typeof error === 'string' && error ? error : undefined;
}
