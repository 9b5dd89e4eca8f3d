import { describe, expect, it } from 'vitest';
import { DIRECTORY_COLUMNS, checkDirectory, type DirectoryRecord } from '../../../lib/org/directory-import';
import type { Person } from '../../../lib/org/schemas';

const columns = [...DIRECTORY_COLUMNS];
const row = (line: number, fields: Partial<Record<(typeof DIRECTORY_COLUMNS)[number], string>>): DirectoryRecord => ({
  line,
  fields: { id: `p-${line}`, name: `Person ${line}`, email: `p${line}@acme.example`, department: '', role: 'purchaser', ...fields },
});
const ann: Person = { id: 'ann', orgId: 'org-acme', displayName: 'Ann Lee', email: 'ann@acme.example', department: 'Sales' };

describe('checkDirectory', () => {
  it('turns rows into people with their roles, trimming and lower-casing emails; none or empty gives no role', () => {
    const check = checkDirectory('org-acme', [row(2, { email: ' Bo@Acme.Example ', name: ' Bo Ek ' }), row(3, { role: 'none' }), row(4, { role: '' }), row(5, { role: 'Admin' })], columns, {});
    expect(check).toEqual({
      ok: true,
      entries: [
        { person: { id: 'p-2', orgId: 'org-acme', displayName: 'Bo Ek', email: 'bo@acme.example', department: '' }, role: 'purchaser' },
        { person: expect.objectContaining({ id: 'p-3' }), role: null },
        { person: expect.objectContaining({ id: 'p-4' }), role: null },
        { person: expect.objectContaining({ id: 'p-5' }), role: 'admin' },
      ],
    });
  });

  it('reports every bad row with its line, not only the first', () => {
    const check = checkDirectory('org-acme', [row(2, { email: 'not-an-email' }), row(3, {}), row(4, { role: 'owner' }), row(5, { name: '' })], columns, {});
    expect(check).toEqual({
      ok: false,
      errors: [
        { line: 2, message: 'email is not an email address' },
        { line: 4, message: 'role must be purchaser, admin or none' },
        { line: 5, message: 'name is empty' },
      ],
    });
  });

  it('refuses an id or email given twice, and an email another person of the directory has', () => {
    const check = checkDirectory('org-acme', [row(2, { id: 'x' }), row(3, { id: 'x' }), row(4, { email: 'p2@acme.example' }), row(5, { email: 'ANN@acme.example' }), row(6, { id: 'ann', email: 'ann@acme.example' })], columns, { ann });
    expect(check).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'id x is on line 2 already' },
        { line: 4, message: 'email p2@acme.example is on line 2 already' },
        { line: 5, message: 'email ann@acme.example belongs to ann in the directory' },
        { line: 6, message: 'email ann@acme.example is on line 5 already' },
      ],
    });
  });

  it('names a missing column of the header, and a row with fewer fields than the header', () => {
    expect(checkDirectory('org-acme', [], ['id', 'name', 'email'], {})).toEqual({ ok: false, errors: [{ line: 1, message: 'the header has no department, role column; columns are id, name, email, department, role' }] });
    expect(checkDirectory('org-acme', [{ line: 7, fields: { id: 'p', name: 'P' } }], columns, {})).toEqual({
      ok: false,
      errors: [{ line: 7, message: 'the row has no email, department, role field: it has fewer fields than the header' }],
    });
  });
});
