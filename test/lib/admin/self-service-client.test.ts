import { describe, expect, it } from 'vitest';
import { setSelfServicePolicy } from '../../../lib/admin/self-service-client';
import type { Fetch } from '../../../lib/sync/auth-client';

const answering = (status: number, body: unknown): Fetch => async () => ({ ok: status < 300, status, json: async () => body });

describe('setSelfServicePolicy', () => {
  it('posts the product and policy with the access token', async () => {
    const calls: Parameters<Fetch>[] = [];
    const fetch: Fetch = async (...args) => {
      calls.push(args);
      return { ok: true, status: 200, json: async () => ({ ok: true }) };
    };
    expect(await setSelfServicePolicy(fetch, 'http://127.0.0.1:8787', 'token-1', 'prod-chat', 'deny')).toEqual({ ok: true });
    expect(calls).toEqual([
      [
        'http://127.0.0.1:8787/api/admin/self-service',
        { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer token-1' }, body: '{"productId":"prod-chat","policy":"deny"}' },
      ],
    ]);
  });

  it('tells a refused token from other failures, with the server’s reason', async () => {
    expect(await setSelfServicePolicy(answering(401, { error: 'Sign in as an IT admin.' }), '', 't', 'p', 'allow')).toMatchObject({ ok: false, kind: 'expired' });
    expect(await setSelfServicePolicy(answering(404, { error: 'No such product in your catalog.' }), '', 't', 'p', 'allow')).toEqual({
      ok: false,
      kind: 'failed',
      message: 'No such product in your catalog.',
    });
    const unreachable: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await setSelfServicePolicy(unreachable, '', 't', 'p', 'default')).toMatchObject({ ok: false, kind: 'failed' });
  });
});
