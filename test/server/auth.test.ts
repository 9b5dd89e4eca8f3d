import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_TTL_S, TokenService, loadSecret } from '../../server/auth';
import { SignInCodes } from '../../server/codes';
import { openDb, type Db } from '../../server/db';

let dir: string;
let db: Db;
let now: number;
const clock = () => now;
const MAYA = { orgId: 'org-a', personId: 'person-01', role: 'purchaser' } as const;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seatkeeper-auth-'));
  db = openDb(dir);
  now = Date.parse('2026-11-20T10:00:00Z');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tokens', () => {
  it('keeps one secret per data directory, readable by its owner only', () => {
    const secret = loadSecret(dir);
    expect(secret.byteLength).toBe(32);
    expect(loadSecret(dir)).toEqual(secret);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('verifies an access token it signed, with org, person, role and expiry', async () => {
    const tokens = new TokenService(loadSecret(dir), db, clock);
    const issued = await tokens.issue(MAYA);
    expect(issued.expiresAt).toBe(new Date(now + ACCESS_TTL_S * 1000).toISOString());
    expect(await tokens.verifyAccess(issued.accessToken)).toEqual({ ok: true, claims: { ...MAYA, exp: now / 1000 + ACCESS_TTL_S } });
  });

  it('refuses an expired token as expired', async () => {
    const tokens = new TokenService(loadSecret(dir), db, clock);
    const { accessToken } = await tokens.issue(MAYA);
    now += ACCESS_TTL_S * 1000 + 1000;
    expect(await tokens.verifyAccess(accessToken)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another secret, a tampered one, and a refresh token used as access', async () => {
    const tokens = new TokenService(loadSecret(dir), db, clock);
    const forger = new TokenService(new Uint8Array(32).fill(7), db, clock);
    const forged = await forger.issue({ ...MAYA, role: 'admin' });
    expect(await tokens.verifyAccess(forged.accessToken)).toEqual({ ok: false, reason: 'invalid' });
    const real = await tokens.issue(MAYA);
    const [h, p, s] = real.accessToken.split('.');
    const adminPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(await tokens.verifyAccess(`${h}.${adminPayload}.${s}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verifyAccess(real.refreshToken)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verifyAccess('not a token')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('spends a refresh token once', async () => {
    const tokens = new TokenService(loadSecret(dir), db, clock);
    const { refreshToken, accessToken } = await tokens.issue(MAYA);
    expect(await tokens.redeemRefresh(accessToken)).toBeUndefined();
    expect(await tokens.redeemRefresh(refreshToken)).toEqual({ orgId: 'org-a', personId: 'person-01' });
    expect(await tokens.redeemRefresh(refreshToken)).toBeUndefined();
  });
});

describe('one-time sign-in codes', () => {
  it('works once, whatever the case and dashes', () => {
    const codes = new SignInCodes(db);
    const code = codes.create('org-a', 'person-01', now);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(codes.redeem(code.toLowerCase().replace(/-/g, ''), now)).toEqual({ orgId: 'org-a', personId: 'person-01' });
    expect(codes.redeem(code, now)).toBeUndefined();
  });

  it('expires, and is stored only as a hash', () => {
    const codes = new SignInCodes(db);
    const code = codes.create('org-a', 'person-01', now, 60_000);
    const stored = db.prepare('SELECT hash FROM sign_in_codes').all() as { hash: string }[];
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    expect(codes.redeem(code, now + 60_000)).toBeUndefined();
    expect(codes.redeem('AAAA-BBBB-CCCC', now)).toBeUndefined();
  });
});
