import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDirectoryCsv } from '../../server/directory-csv';
import { startServer, tempDataDir, withAdmin } from './harness';

const run = promisify(execFile);
const ORG = 'org-northwind';

/** A directory file as a spreadsheet saves it: BOM, CRLF, names with commas quoted. */
function directoryCsv(count: number, edit: (row: string[], i: number) => string[] = (row) => row): string {
  const rows = Array.from({ length: count }, (_, i) => edit([`p-${i}`, `"Okafor, Person ${i}"`, `p${i}@northwind.example`, `Dept ${i % 20}`, i % 10 ? 'purchaser' : 'none'], i).join(','));
  return `\uFEFFid,name,email,department,role\r\n${rows.join('\r\n')}\r\n`;
}

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => {
  data = tempDataDir();
  withAdmin(data.dir, (admin) => admin.seedDemo());
});
afterEach(() => data.remove());

const directorySize = () => withAdmin(data.dir, (admin) => Object.keys(admin.org(ORG)!.directory).length);
const updateRows = () => withAdmin(data.dir, (admin) => admin.store.count(`org/${ORG}`));

describe('importing a directory file', () => {
  it('adds 10,000 people with their roles in one update of the organization, and the same file again changes nothing', () => {
    const before = directorySize();
    const rowsBefore = updateRows();
    const result = withAdmin(data.dir, (admin) => admin.importPeople(ORG, readDirectoryCsv(directoryCsv(10_000))));
    expect(result).toMatchObject({ ok: true, added: 10_000, updated: 0 });
    expect(directorySize()).toBe(before + 10_000);
    expect(updateRows()).toBe(rowsBefore + 1);
    withAdmin(data.dir, (admin) => {
      expect(admin.org(ORG)!.directory['p-1']).toEqual({ id: 'p-1', orgId: ORG, displayName: 'Okafor, Person 1', email: 'p1@northwind.example', department: 'Dept 1' });
      expect(admin.members.roleOf(ORG, 'p-1')).toBe('purchaser');
      expect(admin.members.roleOf(ORG, 'p-10')).toBeUndefined();
    });

    const again = withAdmin(data.dir, (admin) => admin.importPeople(ORG, readDirectoryCsv(directoryCsv(10_000))));
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0 });
    expect(updateRows()).toBe(rowsBefore + 1);
  });

  it('stores nothing when one row among valid ones has a bad email, and names its line', () => {
    const before = directorySize();
    const result = withAdmin(data.dir, (admin) => admin.importPeople(ORG, readDirectoryCsv(directoryCsv(500, (row, i) => (i === 241 ? [row[0]!, row[1]!, 'p241 at northwind', row[3]!, row[4]!] : row)))));
    // Row 241 is on line 243: the header is line 1, p-0 line 2.
    expect(result).toEqual({ ok: false, errors: [{ line: 243, message: 'email is not an email address' }] });
    expect(directorySize()).toBe(before);
    withAdmin(data.dir, (admin) => expect(admin.members.roleOf(ORG, 'p-1')).toBeUndefined());
  });

  it('updates the people whose details or role changed, and only them', () => {
    withAdmin(data.dir, (admin) => admin.importPeople(ORG, readDirectoryCsv(directoryCsv(20))));
    const rowsBefore = updateRows();
    const edited = directoryCsv(20, (row, i) => (i === 3 ? [row[0]!, row[1]!, row[2]!, 'Finance', row[4]!] : i === 4 ? [...row.slice(0, 4), 'admin'] : row));
    expect(withAdmin(data.dir, (admin) => admin.importPeople(ORG, readDirectoryCsv(edited)))).toMatchObject({ ok: true, added: 0, updated: 2 });
    expect(updateRows()).toBe(rowsBefore + 1);
    withAdmin(data.dir, (admin) => {
      expect(admin.org(ORG)!.directory['p-3']!.department).toBe('Finance');
      expect(admin.members.roleOf(ORG, 'p-4')).toBe('admin');
    });
  });

  it('through the CLI: prints every bad row with file and line, exits with an error, and --codes writes codes a new person signs in with on the running server', async () => {
    const bad = join(data.dir, 'bad.csv');
    writeFileSync(bad, directoryCsv(5, (row, i) => (i === 1 ? [row[0]!, '', ...row.slice(2)] : i === 3 ? [...row.slice(0, 4), 'owner'] : row)));
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import-people', '--data', data.dir, '--org', ORG, bad]).catch((error: { stderr: string; code: number }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain(`${bad}:3: name is empty\n${bad}:5: role must be purchaser, admin or none\nNothing was imported: 2 rows to fix.`);

    const good = join(data.dir, 'people.csv');
    const codes = join(data.dir, 'codes.csv');
    writeFileSync(good, directoryCsv(5));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import-people', '--data', data.dir, '--org', ORG, good, '--codes', codes]);
    expect(stdout).toContain('5 added, 0 updated; 4 sign-in codes');
    const lines = readFileSync(codes, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,email,code');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['id', 'p-1', 'p-2', 'p-3', 'p-4']);

    const server = await startServer(data.dir);
    try {
      const code = lines[2]!.split(',').at(-1)!;
      const response = await fetch(`${server.url}/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ personId: 'p-2', orgId: ORG });
    } finally {
      await server.kill();
    }
  });
});
