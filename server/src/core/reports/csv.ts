/**
 * CSV as RFC 4180: comma-separated, CRLF line ends (the last record too), a field quoted
 * when it holds a comma, a quote, CR or LF, and quotes doubled inside. A cell that a
 * spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR) is
 * prefixed with `'` — the OWASP "CSV injection" defence — so opening the file in a
 * spreadsheet can never run anything. Invisible and control characters other than tab,
 * CR and LF are written as visible escapes (`\u001b`): a report printed to a terminal
 * must not run escape sequences, nor a bidi override reorder a cell. No byte-order mark.
 */
import { escapeInvisible } from '../visibleText';

/** One field, neutralised and quoted as needed. */
export function csvField(value: string): string {
  const visible = escapeInvisible(value, '\t\r\n');
  const safe = /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
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
