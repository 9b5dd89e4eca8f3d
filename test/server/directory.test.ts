import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '../../lib/admin/directory-people';
import { demoOrg } from '../../lib/org/demo';
import { BEA, LIAM, MAYA, ORG, RILEY, seedTwoOrgs } from './fixture';
import { mint, startServer, tempDataDir, withAdmin, type ServerProcess } from './harness';

/**
 * `GET /api/admin/directory` against a real server process: an admin of the organization reads its
 * people with their roles from the server's members table, a role changed by the CLI shows at once,
 * and nobody else reads anything.
 */
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

async function directory(token?: string): Promise<{ status: number; people?: DirectoryPerson[] }> {
  const response = await fetch(`${server.url}/api/admin/directory`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as { people?: DirectoryPerson[] };
  return { status: response.status, people: body.people };
}

describe('the directory with roles', () => {
  it('lists every person of the admin’s organization with their role, by name', async () => {
    const read = await directory(await mint(data.dir, RILEY));
    expect(read.status).toBe(200);
    const people = read.people!;
    const stored = withAdmin(data.dir, (admin) => Object.keys(admin.org(ORG)!.directory));
    expect(people.map((p) => p.id).sort()).toEqual(stored.sort());
    expect(stored.length).toBeGreaterThan(demoOrg().directory.length - 1);
    expect(people.map((p) => p.displayName)).toEqual([...people.map((p) => p.displayName)].sort((a, b) => a.localeCompare(b)));
    const role = (id: string) => people.find((p) => p.id === id)?.role;
    expect([role(MAYA.personId), role(LIAM.personId), role(RILEY.personId), role('person-20')]).toEqual(['purchaser', 'purchaser', 'admin', 'none']);
    expect(people.find((p) => p.id === MAYA.personId)).toMatchObject({ displayName: 'Maya Okafor', orgId: ORG });
  });

  it('follows a role the CLI changes while the server runs', async () => {
    withAdmin(data.dir, (admin) => admin.setRole(ORG, 'person-20', 'purchaser'));
    const people = (await directory(await mint(data.dir, RILEY))).people!;
    expect(people.find((p) => p.id === 'person-20')?.role).toBe('purchaser');
  });

  it('is for the organization’s admins only: a purchaser’s token, no token or a forged one get 401; another organization’s admin sees only theirs', async () => {
    expect(await directory(await mint(data.dir, MAYA))).toEqual({ status: 401, people: undefined });
    expect((await directory()).status).toBe(401);
    expect((await directory('not-a-token')).status).toBe(401);
    // A token minted as admin for someone whose role is purchaser now: the role is read at the request.
    expect((await directory(await mint(data.dir, { ...MAYA, role: 'admin' }))).status).toBe(401);
    const other = await directory(await mint(data.dir, BEA));
    expect(other.people!.map((p) => `${p.id}:${p.role}`)).toEqual(['bea:admin', 'bob:purchaser']);
  });
});
