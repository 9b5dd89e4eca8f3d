import type * as z from 'zod/mini';

/** The platform's fetch, as far as an admin's GET needs it. */
export type GetFetch = (url: string, init: { headers: Record<string, string> }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export type AdminGetResult<T> =
  | { ok: true; value: T }
  /** `expired`: the access token was refused; renew it and the next read works. */
  | { ok: false; kind: 'expired' | 'failed'; message: string };

/** `GET <path>` with the admin's access token; the answer is checked against `schema` before anyone reads it. */
export async function adminGet<T>(fetch: GetFetch, url: string, accessToken: string, schema: z.ZodMiniType<T>): Promise<AdminGetResult<T>> {
  let response: Awaited<ReturnType<GetFetch>>;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
  } catch {
    return { ok: false, kind: 'failed', message: 'Could not reach the sync server. The list is read again once the console is live.' };
  }
  if (response.status === 401) return { ok: false, kind: 'expired', message: 'Your session is being renewed…' };
  const body = await response.json().catch(() => undefined);
  if (!response.ok) return { ok: false, kind: 'failed', message: `The sync server answered ${response.status}.` };
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, kind: 'failed', message: 'The sync server’s answer could not be read.' };
}
