/**
 * RFC 4180 text: CRLF line ends, and a field in double quotes (its quotes doubled) when it holds a
 * comma, a quote, CR or LF. Other fields stay bare, so plain values read the same in any tool.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
