/**
 * `# isms-disable-line CODE[, CODE]` and `# isms-disable-next-line CODE[, CODE]`:
 * read from the text, applied to findings by the line they start on, and reported as
 * `unused-suppression` when a listed code silences nothing.
 */

export interface Suppression {
  /** 0-based line whose findings it silences. */
  targetLine: number;
  /** 0-based line of the comment itself. */
  commentLine: number;
  /** Offsets of the comment (for the unused-suppression range). */
  start: number;
  end: number;
  codes: string[];
}

const DIRECTIVE = /(?:^|\s)(#\s*isms-disable-(next-line|line)\b(.*))$/;

/**
 * Finds suppression comments. A comment without codes is no suppression. `insideValue`
 * tells whether an offset lies inside a YAML value (a quoted string or a block scalar
 * that merely contains the words), so that only real comments count.
 */
export function readSuppressions(text: string, insideValue: (offset: number) => boolean = () => false): Suppression[] {
  const out: Suppression[] = [];
  if (!text.includes('isms-disable-')) return out;
  let lineStart = 0;
  let line = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const content = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const m = DIRECTIVE.exec(content);
    if (m) {
      // Codes end where the reason (`--`) or another comment (`#`) begins.
      const codesText = m[3]!.split(/--|#/)[0]!;
      const codes = codesText.split(/[\s,]+/).filter((c) => c.length > 0);
      const commentStart = lineStart + content.length - m[1]!.length;
      if (codes.length > 0 && !insideValue(commentStart)) {
        out.push({
          targetLine: m[2] === 'next-line' ? line + 1 : line,
          commentLine: line,
          start: commentStart,
          end: lineStart + content.length,
          codes,
        });
      }
    }
    line++;
    lineStart = lineEnd + 1;
  }
  return out;
}
