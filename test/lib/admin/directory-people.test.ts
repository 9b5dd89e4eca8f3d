import { describe, expect, it } from 'vitest';
import { directoryPeople, searchPeople } from '../../../lib/admin/directory-people';
import type { Person } from '../../../lib/org/schemas';

const person = (id: string, displayName: string, department = 'Sales'): Person => ({ id, orgId: 'org', displayName, email: `${id}@x.example`, department });
const directory = { b: person('b', 'Bo Ek', 'IT'), a: person('a', 'Ann Lee'), c: person('c', '=HYPERLINK("http://x","y")') };

describe('directoryPeople', () => {
  it('joins each person with their role, no sign-in for the others, sorted by name; members outside the directory are not listed', () => {
    const people = directoryPeople(directory, [
      { personId: 'b', role: 'admin' },
      { personId: 'a', role: 'purchaser' },
      { personId: 'gone', role: 'purchaser' },
    ]);
    expect(people.map((p) => `${p.displayName}:${p.role}`)).toEqual(['=HYPERLINK("http://x","y"):none', 'Ann Lee:purchaser', 'Bo Ek:admin'].sort((x, y) => x.localeCompare(y)));
    expect(people.find((p) => p.id === 'b')).toEqual({ ...directory.b, role: 'admin' });
  });
});

describe('searchPeople', () => {
  const people = directoryPeople(directory, [{ personId: 'b', role: 'admin' }]);
  it('matches every word in name, email, department or role, ignoring case', () => {
    expect(searchPeople(people, 'it admin').map((p) => p.id)).toEqual(['b']);
    expect(searchPeople(people, 'ANN sales').map((p) => p.id)).toEqual(['a']);
    expect(searchPeople(people, 'no sign-in').map((p) => p.id).sort()).toEqual(['a', 'c']);
    expect(searchPeople(people, '  ')).toHaveLength(3);
    expect(searchPeople(people, 'nobody')).toEqual([]);
  });
});
