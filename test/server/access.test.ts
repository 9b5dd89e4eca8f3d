import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgRoomState, readOrgRoom } from '../../lib/room/org-doc';
import { ACCESS_TTL_S } from '../../server/auth';
import { BEA, BOB, LIAM, MAYA, ORG, RILEY, room, seedTwoOrgs } from './fixture';
import { connectRefused, connectSynced, mint, startServer, tempDataDir, until, withAdmin, type ServerProcess } from './harness';

const data = tempDataDir();
let server: ServerProcess;

beforeAll(async () => {
  withAdmin(data.dir, seedTwoOrgs);
  server = await startServer(data.dir);
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  data.remove();
});

/** `npm run cli -- <args>` on this file's data directory, as a child process like an admin's shell. */
function cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args, '--data', data.dir], { cwd: new URL('../..', import.meta.url) });
}

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('tokens', () => {
  it('refuses a missing, an expired and a forged token with 4401', async () => {
    const name = room.purchaser(MAYA);
    expect(await connectRefused(server.wsUrl, name, undefined)).toEqual({ code: 4401, reason: 'Missing access token' });
    const expired = await mint(data.dir, MAYA, Date.now() - (ACCESS_TTL_S + 60) * 1000);
    expect(await connectRefused(server.wsUrl, name, expired)).toEqual({ code: 4401, reason: 'Access token expired' });
    const real = await mint(data.dir, MAYA);
    const [header, payload] = real.split('.');
    const forgedSignature = Buffer.alloc(32, 1).toString('base64url');
    expect(await connectRefused(server.wsUrl, name, `${header}.${payload}.${forgedSignature}`)).toEqual({ code: 4401, reason: 'Invalid access token' });
    const other = tempDataDir();
    try {
      const foreign = await mint(other.dir, MAYA);
      expect(await connectRefused(server.wsUrl, name, foreign)).toEqual({ code: 4401, reason: 'Invalid access token' });
    } finally {
      other.remove();
    }
  });

  it('signs in with a one-time code once, and refreshes once', async () => {
    const code = withAdmin(data.dir, (a) => a.createSignInCode(ORG, MAYA.personId));
    const signIn = await post('/api/sign-in', { code });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ orgId: ORG, personId: 'person-01', role: 'purchaser', name: 'Maya Okafor' });
    expect(Date.parse(String(signIn.body.expiresAt))).toBeGreaterThan(Date.now());
    expect((await post('/api/sign-in', { code })).status).toBe(401);

    const client = await connectSynced(server.wsUrl, room.purchaser(MAYA), String(signIn.body.accessToken));
    client.destroy();

    const refreshed = await post('/api/refresh', { refreshToken: signIn.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ personId: 'person-01', role: 'purchaser' });
    expect((await post('/api/refresh', { refreshToken: signIn.body.refreshToken })).status).toBe(401);
    expect((await post('/api/sign-in', { nope: 1 })).status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('refuses a code of another role for the app that asks, without using it', async () => {
    const code = withAdmin(data.dir, (a) => a.createSignInCode(ORG, MAYA.personId));
    const asAdmin = await post('/api/sign-in', { code, role: 'admin' });
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.body.error).toMatch(/for a purchaser, who signs in from the Seatkeeper extension.*still works in the extension/);
    // The extension does not ask for a role: the purchaser's code still signs them in there.
    expect(await post('/api/sign-in', { code })).toMatchObject({ status: 200, body: { personId: MAYA.personId, role: 'purchaser' } });
    const adminCode = withAdmin(data.dir, (a) => a.createSignInCode(ORG, RILEY.personId));
    expect(await post('/api/sign-in', { code: adminCode, role: 'admin' })).toMatchObject({ status: 200, body: { role: 'admin' } });
  });

  it('creates a code with the CLI that the running server accepts', async () => {
    const { stdout } = await cli('create-code', '--org', ORG, '--person', RILEY.personId);
    const signIn = await post('/api/sign-in', { code: stdout.trim() });
    expect(signIn.body).toMatchObject({ role: 'admin', name: 'Riley Chen' });
  });
});

describe('rooms', () => {
  it('keeps a purchaser out of another organization and of other purchasers’ rooms', async () => {
    const token = await mint(data.dir, MAYA);
    for (const name of [room.org('org-b'), room.summary('org-b'), room.purchaser(BOB), room.billing(BOB), room.purchaser(LIAM), room.billing(LIAM), room.summary(ORG)]) {
      expect(await connectRefused(server.wsUrl, name, token), name).toEqual({ code: 4403, reason: 'Room not allowed' });
    }
    expect(await connectRefused(server.wsUrl, 'purchaser/org-b', token)).toEqual({ code: 4404, reason: 'No such room' });
  });

  it('lets a purchaser open their org and billing rooms, and an admin only their own organization', async () => {
    const maya = await mint(data.dir, MAYA);
    for (const name of [room.org(ORG), room.billing(MAYA)]) (await connectSynced(server.wsUrl, name, maya)).destroy();
    const bea = await mint(data.dir, BEA);
    (await connectSynced(server.wsUrl, room.summary('org-b'), bea)).destroy();
    for (const name of [room.summary(ORG), room.purchaser(MAYA), room.org(ORG)]) {
      expect(await connectRefused(server.wsUrl, name, bea), name).toEqual({ code: 4403, reason: 'Room not allowed' });
    }
  });

  it('closes an open connection when the person loses their role, without waiting for a message from it', async () => {
    const liam = await connectSynced(server.wsUrl, room.purchaser(LIAM), await mint(data.dir, LIAM));
    withAdmin(data.dir, (a) => a.setRole(ORG, LIAM.personId, null));
    await until(() => liam.closes.length > 0, "Liam's connection to close");
    expect(liam.closes[0]!.code).toBe(4403);
    liam.destroy();
  });
});

describe('catalog', () => {
  it('updates a product of the org room in one row, leaving its other fields as they were', () => {
    const own = tempDataDir();
    try {
      withAdmin(own.dir, (a) => {
        a.seedDemo();
        const before = a.org(ORG)!.catalog['prod-chat']!;
        const rows = a.store.count(room.org(ORG));
        const updated = a.updateProduct(ORG, 'prod-chat', { selfService: false, maxLicenses: 50 });
        expect(updated).toEqual({ ...before, selfService: false, maxLicenses: 50 });
        expect(a.org(ORG)!.catalog['prod-chat']).toEqual(updated);
        expect(a.store.count(room.org(ORG))).toBe(rows + 1);
      });
    } finally {
      own.remove();
    }
  });

  it('refuses an unknown organization or product, and an invalid value, writing nothing', () => {
    withAdmin(data.dir, (a) => {
      const rows = a.store.count(room.org(ORG));
      expect(() => a.updateProduct('org-nope', 'prod-chat', { selfService: false })).toThrow('No organization org-nope');
      expect(() => a.updateProduct(ORG, 'prod-nope', { selfService: false })).toThrow(`No product prod-nope in ${ORG}`);
      expect(() => a.updateProduct(ORG, 'prod-chat', { maxLicenses: 0 })).toThrow(/^prod-chat: maxLicenses: /);
      expect(a.store.count(room.org(ORG))).toBe(rows);
    });
  });

  it('updates a product with the CLI, which a client of the running server sees', async () => {
    const maya = await connectSynced(server.wsUrl, room.org(ORG), await mint(data.dir, MAYA));
    try {
      const chat = () => OrgRoomState.parse(readOrgRoom(maya.doc)).catalog['prod-chat'];
      const { stdout } = await cli('update-product', '--org', ORG, '--product', 'prod-chat', '--self-service', 'false', '--max-licenses', '50');
      expect(stdout).toBe(`Contoso Chat in ${ORG}: self-service off, up to 50 licenses\n`);
      await until(() => chat()?.selfService === false, 'the change in the org room', 15_000, chat);
      expect(chat()?.maxLicenses).toBe(50);
      await expect(cli('update-product', '--org', ORG, '--product', 'prod-chat', '--self-service', 'no')).rejects.toMatchObject({ code: 1, stderr: '--self-service must be true or false\n' });
    } finally {
      maya.destroy();
    }
  });
});
