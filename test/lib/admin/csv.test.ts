import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/admin/csv';

describe('toCsv', () => {
  it('ends every record with CRLF and leaves plain fields bare', () => {
    expect(toCsv([['a', 'b'], ['1', '']])).toBe('a,b\r\n1,\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv([['$1,200.00', 'say "hi"', 'two\nlines', 'cr\rhere']])).toBe('"$1,200.00","say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it('keeps leading and trailing spaces as they are', () => {
    expect(toCsv([[' padded ']])).toBe(' padded \r\n');
  });
});
