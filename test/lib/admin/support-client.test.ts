import { describe, expect, it } from 'vitest';
import { markSupportRequestHandled } from '../../../lib/admin/support-client';
import type { Fetch } from '../../../lib/sync/auth-client';

const answering = (status: number, body: unknown): Fetch => async () => ({ ok: status < 300, status, json: async () => body });

describe('markSupportRequestHandled', () => {
  it('posts the key with the access token and returns the server’s date', async () => {
    const calls: Parameters<Fetch>[] = [];
    const fetch: Fetch = async (...args) => {
      calls.push(args);
      return { ok: true, status: 200, json: async () => ({ key: 'person-01/sr-1', handledAt: '2026-03-02T12:00:00.000Z' }) };
    };
    expect(await markSupportRequestHandled(fetch, 'http://127.0.0.1:8787', 'token-1', 'person-01/sr-1')).toEqual({ ok: true, handledAt: '2026-03-02T12:00:00.000Z' });
    expect(calls).toEqual([
      ['http://127.0.0.1:8787/api/support/handled', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer token-1' }, body: '{"key":"person-01/sr-1"}' }],
    ]);
  });

  it('tells a refused token from other failures', async () => {
    expect(await markSupportRequestHandled(answering(401, { error: 'Sign in again.' }), '', 't', 'k')).toMatchObject({ ok: false, kind: 'expired' });
    expect(await markSupportRequestHandled(answering(404, { error: 'No such support request.' }), '', 't', 'k')).toEqual({ ok: false, kind: 'failed', message: 'No such support request.' });
    const unreachable: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await markSupportRequestHandled(unreachable, '', 't', 'k')).toMatchObject({ ok: false, kind: 'failed' });
  });
});
