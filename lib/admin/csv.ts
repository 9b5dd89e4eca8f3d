import type { MinorUnits } from '../money';

/**
 * A cell of an export: text people or directories wrote, a number a spreadsheet should add up, or
 * an amount in minor units, written in the major unit with two decimals (`131250` → `1312.50`).
 */
export type CsvCell = string | number | { minorUnits: MinorUnits };

/**
 * RFC 4180 text: CRLF line ends, and a field in double quotes (its quotes doubled) when it holds a
 * comma, a quote, CR or LF. Other fields stay bare, so plain values read the same in any tool.
 * Every text cell is neutralized as OWASP's CSV-injection guidance says: one that starts like a
 * spreadsheet formula (=, +, -, @, tab, CR) gets a leading `'` and quotes, so opening the file shows
 * it as text instead of running it. Numbers are written as plain numbers, so they stay numbers.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: CsvCell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'object') return plainAmount(value.minorUnits);
  if (FORMULA_START.test(value)) return quoted(`'${value}`);
  return /[",\r\n]/.test(value) ? quoted(value) : value;
}

/** Every currency Seatkeeper bills in has two decimals. */
function plainAmount(amount: MinorUnits): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
