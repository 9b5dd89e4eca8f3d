import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/db';
import { Members } from '../../server/members';
import { tempDataDir } from './harness';

let data: ReturnType<typeof tempDataDir>;
let server: Db;
let cli: Db;

beforeEach(() => {
  data = tempDataDir();
  server = openDb(data.dir);
  cli = openDb(data.dir);
});
afterEach(() => {
  server.close();
  cli.close();
  data.remove();
});

describe('Members', () => {
  it('sees a role another process changed once it refreshes, and tells its listeners', () => {
    const members = new Members(server);
    members.setRole('org-a', 'liam', 'purchaser');
    expect(members.roleOf('org-a', 'liam')).toBe('purchaser');
    let told = 0;
    members.onChange(() => told++);

    new Members(cli).setRole('org-a', 'liam', null);
    members.refresh();
    expect(told).toBe(1);
    expect(members.roleOf('org-a', 'liam')).toBeUndefined();

    members.refresh();
    expect(told).toBe(1);
  });

  it('applies its own changes at once', () => {
    const members = new Members(server);
    expect(members.roleOf('org-a', 'maya')).toBeUndefined();
    members.setRole('org-a', 'maya', 'admin');
    expect(members.roleOf('org-a', 'maya')).toBe('admin');
  });
});
