import type { SelfServicePolicy } from '../org/schemas';
import type { Fetch } from '../sync/auth-client';

/** What an admin chooses for a product: the catalog's default, or a policy of their own. */
export type PolicyChoice = SelfServicePolicy | 'default';

export type SetPolicyResult =
  | { ok: true }
  /** `expired`: the access token was refused; renew it and try again. */
  | { ok: false; kind: 'expired' | 'failed'; message: string };

/**
 * `POST /api/admin/self-service {productId, policy}` with the admin's access token: the server
 * writes the policy into the organization room, where purchasers read it, and answers once stored.
 */
export async function setSelfServicePolicy(fetch: Fetch, serverUrl: string, accessToken: string, productId: string, policy: PolicyChoice): Promise<SetPolicyResult> {
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetch(`${serverUrl}/api/admin/self-service`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ productId, policy }),
    });
  } catch {
    return { ok: false, kind: 'failed', message: 'Could not reach the sync server. Check your connection and try again.' };
  }
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  if (response.status === 401) return { ok: false, kind: 'expired', message: 'Your session was being renewed. Try again.' };
  return { ok: false, kind: 'failed', message: typeof answer?.error === 'string' ? answer.error : `The sync server answered ${response.status}. Try again.` };
}
