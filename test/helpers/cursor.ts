/**
 * A cursor marker for feature tests: `withCursor('owner: |')` → the text without the
 * marker and the marker's offset (`caretPosition` in yaml-language-server's tests).
 */
export function withCursor(text: string, marker = '|'): { text: string; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker '${marker}' in the text`);
  if (text.indexOf(marker, offset + marker.length) >= 0) throw new Error(`more than one cursor marker '${marker}' in the text`);
  return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}
