import { describe, expect, it } from 'vitest';
import { readDirectoryCsv } from '../../server/directory-csv';

describe('readDirectoryCsv', () => {
  it('reads a spreadsheet export: BOM, quoted commas and line breaks, blank lines, each record with the line it starts on', () => {
    const file = readDirectoryCsv('\uFEFFId,Name,Email,Department,Role\r\np1,"Lee, Ann",ann@x.io,Sales,purchaser\r\n\r\np2,"Two\nlines ""quoted""",b@x.io,,\r\np3,Short\r\n');
    expect(file).toEqual({
      ok: true,
      columns: ['id', 'name', 'email', 'department', 'role'],
      records: [
        { line: 2, fields: { id: 'p1', name: 'Lee, Ann', email: 'ann@x.io', department: 'Sales', role: 'purchaser' } },
        { line: 4, fields: { id: 'p2', name: 'Two\nlines "quoted"', email: 'b@x.io', department: '', role: '' } },
        { line: 6, fields: { id: 'p3', name: 'Short' } },
      ],
    });
  });

  it('names the line where a quote is left open', () => {
    const file = readDirectoryCsv('id,name,email,department,role\np1,"Ann,ann@x.io,,\n');
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/quote/i) });
  });
});
