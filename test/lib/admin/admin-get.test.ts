import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { adminGet, type GetFetch } from '../../../lib/admin/admin-get';

const Answer = z.object({ people: z.array(z.string()) });
const answering = (status: number, body: unknown): GetFetch => async () => ({ ok: status < 300, status, json: async () => body });

describe('adminGet', () => {
  it('sends the access token and returns the answer once it passes its schema', async () => {
    const calls: Parameters<GetFetch>[] = [];
    const fetch: GetFetch = async (...args) => {
      calls.push(args);
      return { ok: true, status: 200, json: async () => ({ people: ['Ann'] }) };
    };
    expect(await adminGet(fetch, 'http://127.0.0.1:8787/api/admin/directory', 'token-1', Answer)).toEqual({ ok: true, value: { people: ['Ann'] } });
    expect(calls).toEqual([['http://127.0.0.1:8787/api/admin/directory', { headers: { Authorization: 'Bearer token-1' } }]]);
  });

  it('tells a refused token from other failures, and refuses an answer of another shape', async () => {
    expect(await adminGet(answering(401, { error: 'Sign in as an IT admin.' }), '', 't', Answer)).toMatchObject({ ok: false, kind: 'expired' });
    expect(await adminGet(answering(500, { error: 'Internal error' }), '', 't', Answer)).toMatchObject({ ok: false, kind: 'failed' });
    expect(await adminGet(answering(200, { people: [1] }), '', 't', Answer)).toMatchObject({ ok: false, kind: 'failed' });
    expect(await adminGet(() => Promise.reject(new TypeError('fetch failed')), '', 't', Answer)).toMatchObject({ ok: false, kind: 'failed' });
  });
});
