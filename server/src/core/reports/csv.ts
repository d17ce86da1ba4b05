/**
 * CSV as RFC 4180: comma-separated, CRLF line ends (the last record too), a field quoted
 * when it holds a comma, a quote, CR or LF, and quotes doubled inside. A cell that a
 * spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR) is
 * prefixed with `'` — the OWASP "CSV injection" defence — so opening the file in a
 * spreadsheet can never run anything. No byte-order mark.
 */

/** One field, neutralised and quoted as needed. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole table: a header row, then one record per row. */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** Several values in one cell. */
export function joinValues(values: readonly string[]): string {
  return values.join('; ');
}
