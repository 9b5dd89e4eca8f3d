import { describe, expect, it } from 'vitest';
import { RENEW_BEFORE_MS, Session, renewalDelay, sameAccount } from '../../../lib/sync/session';

const EXPIRES = '2026-11-26T12:15:00.000Z';

describe('session', () => {
  it('renews two minutes before the access token expires', () => {
    const now = Date.parse('2026-11-26T12:00:00.000Z');
    expect(renewalDelay({ expiresAt: EXPIRES }, now)).toBe(15 * 60_000 - RENEW_BEFORE_MS);
  });

  it('renews at once when that moment has passed, even long after expiry', () => {
    expect(renewalDelay({ expiresAt: EXPIRES }, Date.parse('2026-11-26T12:14:00.000Z'))).toBe(0);
    expect(renewalDelay({ expiresAt: EXPIRES }, Date.parse('2026-12-20T09:00:00.000Z'))).toBe(0);
  });

  it('keeps tokens and who they speak for, and nothing that is not a session', () => {
    const session = {
      serverUrl: 'http://127.0.0.1:8787',
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: EXPIRES,
      orgId: 'org-northwind',
      personId: 'person-01',
      role: 'purchaser',
      name: 'Maya Okafor',
    };
    expect(Session.parse(session)).toEqual(session);
    expect(Session.safeParse({ ...session, role: 'owner' }).success).toBe(false);
    expect(Session.safeParse({ ...session, accessToken: '' }).success).toBe(false);
    expect(Session.safeParse(undefined).success).toBe(false);
  });

  it('tells whether a document belongs to the account signing in', () => {
    const maya = { serverUrl: 'http://s', orgId: 'o', personId: 'maya' };
    expect(sameAccount(maya, { ...maya })).toBe(true);
    expect(sameAccount(maya, { ...maya, personId: 'liam' })).toBe(false);
    expect(sameAccount(maya, { ...maya, serverUrl: 'http://other' })).toBe(false);
    expect(sameAccount(undefined, maya)).toBe(false);
  });
});
