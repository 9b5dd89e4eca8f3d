import { describe, expect, it } from 'vitest';
import { refreshTokens, signInWithCode, type Fetch } from '../../../lib/sync/auth-client';

const REPLY = {
  accessToken: 'access',
  refreshToken: 'refresh',
  expiresAt: '2026-11-26T12:15:00.000Z',
  orgId: 'org-northwind',
  personId: 'person-01',
  role: 'purchaser',
  name: 'Maya Okafor',
};

function answering(status: number, body: unknown): { fetch: Fetch; calls: { url: string; body: unknown }[] } {
  const calls: { url: string; body: unknown }[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, body: JSON.parse(init.body) });
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { fetch, calls };
}

describe('auth client', () => {
  it('signs in with a trimmed code and reads who it is', async () => {
    const { fetch, calls } = answering(200, REPLY);
    expect(await signInWithCode(fetch, 'http://127.0.0.1:8787', ' ABCD-EFGH-JKMN ')).toEqual({ ok: true, reply: REPLY });
    expect(calls).toEqual([{ url: 'http://127.0.0.1:8787/api/sign-in', body: { code: 'ABCD-EFGH-JKMN' } }]);
  });

  it('passes on the server’s reason for refusing a code', async () => {
    const { fetch } = answering(401, { error: 'This code is unknown, used or expired.' });
    expect(await signInWithCode(fetch, 'http://s', 'x')).toEqual({ ok: false, kind: 'refused', message: 'This code is unknown, used or expired.' });
  });

  it('tells an unreachable server from one that is not a sync server', async () => {
    const down: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await refreshTokens(down, 'http://127.0.0.1:8787', 'r')).toMatchObject({ ok: false, kind: 'unreachable' });
    expect(await refreshTokens(answering(200, { hello: 'world' }).fetch, 'http://s', 'r')).toMatchObject({ ok: false, kind: 'not-a-server' });
    expect(await refreshTokens(answering(404, { error: 'Not found' }).fetch, 'http://s', 'r')).toMatchObject({ ok: false, kind: 'not-a-server' });
    expect(await refreshTokens(answering(503, undefined).fetch, 'http://s', 'r')).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('refreshes with the refresh token', async () => {
    const { fetch, calls } = answering(200, REPLY);
    expect(await refreshTokens(fetch, 'http://s', 'old-refresh')).toEqual({ ok: true, reply: REPLY });
    expect(calls).toEqual([{ url: 'http://s/api/refresh', body: { refreshToken: 'old-refresh' } }]);
  });
});
