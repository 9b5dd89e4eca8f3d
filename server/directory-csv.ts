import { CsvError, parse } from 'csv-parse/sync';
import type { DirectoryRecord, RowError } from '../lib/org/directory-import';

export type DirectoryFile = { ok: true; columns: string[]; records: DirectoryRecord[] } | { ok: false; errors: RowError[] };

/**
 * Reads a directory CSV as spreadsheets write it: a byte-order mark, quoted fields with commas,
 * quotes or line breaks, CRLF or LF, blank lines. csv-parse (the node-csv project) does the RFC 4180
 * parsing; each record keeps the line it starts on, so errors name the line a person sees in an editor.
 * Header names are compared in lower case. A file that is not CSV at all (a quote never closed)
 * is one error at the line where the parser gave up.
 */
export function readDirectoryCsv(text: string): DirectoryFile {
  let columns: string[] = [];
  try {
    const rows = parse(text, {
      bom: true,
      columns: (header: string[]) => (columns = header.map((name) => name.trim().toLowerCase())),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number; empty_lines: number } }[];
    // The parser tells where a record ends; it starts after the previous one and the blank lines between.
    let ended = { lines: 1, empty_lines: 0 };
    const records = rows.map(({ record, info }) => {
      const line = ended.lines + 1 + info.empty_lines - ended.empty_lines;
      ended = info;
      return { line, fields: record };
    });
    return { ok: true, columns, records };
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, errors: [{ line: (error as CsvError & { lines?: number }).lines ?? 1, message: error.message }] };
    throw error;
  }
}
