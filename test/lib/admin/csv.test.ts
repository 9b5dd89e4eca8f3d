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

describe('toCsv against CSV injection (OWASP)', () => {
  it('turns a text cell that starts like a formula into quoted text with a leading quote mark', () => {
    expect(toCsv([['=HYPERLINK("http://x","y")', '+1+cmd', '-2+3', '@SUM(A1)', '\tx', '\r=1']])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")","'+1+cmd","'-2+3","'@SUM(A1)","'\tx","'\r=1"\r\n`,
    );
  });

  it('leaves a formula character inside a cell alone, and writes numbers, negative ones too, as numbers', () => {
    expect(toCsv([['a=b', 1312.5, -487.13, 0]])).toBe('a=b,1312.5,-487.13,0\r\n');
    expect(toCsv([[{ minorUnits: 131_250 }, { minorUnits: 5 }, { minorUnits: 0 }, { minorUnits: -250 }]])).toBe('1312.50,0.05,0.00,-2.50\r\n');
  });
});
