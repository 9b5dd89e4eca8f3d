import type { Fetch } from '../sync/auth-client';

export type MarkHandledResult =
  | { ok: true; handledAt: string }
  /** `expired`: the access token was refused; renew it and try again. */
  | { ok: false; kind: 'expired' | 'failed'; message: string };

/**
 * `POST /api/support/handled {key}` with the admin's access token: the server marks the request
 * handled in the support inbox and in the purchaser's request, and answers once that is stored.
 */
export async function markSupportRequestHandled(fetch: Fetch, serverUrl: string, accessToken: string, key: string): Promise<MarkHandledResult> {
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetch(`${serverUrl}/api/support/handled`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ key }),
    });
  } catch {
    return { ok: false, kind: 'failed', message: 'Could not reach the sync server. Check your connection and try again.' };
  }
  const answer = (await response.json().catch(() => undefined)) as { handledAt?: unknown; error?: unknown } | undefined;
  if (response.ok && typeof answer?.handledAt === 'string') return { ok: true, handledAt: answer.handledAt };
  if (response.status === 401) return { ok: false, kind: 'expired', message: 'Your session was being renewed. Try again.' };
  return { ok: false, kind: 'failed', message: typeof answer?.error === 'string' ? answer.error : `The sync server answered ${response.status}. Try again.` };
}
