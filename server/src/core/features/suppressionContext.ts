/**
 * Where a suppression comment may go in one version of a file, and which comments it
 * already has: shared by the suppression fixes and by the checks of their edits.
 */
import { visit, type Scalar } from 'yaml';
import { readSuppressions, type Suppression } from '../diagnostics/suppression';
import type { IsmsFile } from '../parse/ismsFile';
import { trimmedRangeOf } from '../parse/yamlAccess';

interface ScalarSpan {
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  block: boolean;
  quoted: boolean;
}

/** What the suppression fixes need to know about one file version, computed once per request. */
export class SuppressionContext {
  private spansCache: ScalarSpan[] | undefined;
  private multiLineCache: ScalarSpan[] | undefined;
  private suppressionsCache: Suppression[] | undefined;

  constructor(readonly file: IsmsFile) {}

  /** Every scalar's extent (quoted, block and multi-line ones are where comments cannot go). */
  private get spans(): ScalarSpan[] {
    if (this.spansCache) return this.spansCache;
    const spans: ScalarSpan[] = [];
    const { file } = this;
    if (file.yaml) {
      visit(file.yaml, {
        Scalar(_key, node: Scalar) {
          const r = trimmedRangeOf(node, file.text);
          if (!r) return;
          const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
          const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
          spans.push({
            start: r[0], end: r[1], block, quoted,
            startLine: file.lines.positionAt(r[0]).line,
            endLine: file.lines.positionAt(Math.max(r[0], r[1] - 1)).line,
          });
        },
      });
    }
    return (this.spansCache = spans);
  }

  /** The spans over more than one line: only these can keep a comment off a line. */
  private get multiLine(): ScalarSpan[] {
    return (this.multiLineCache ??= this.spans.filter((s) => s.startLine < s.endLine));
  }

  /** The file's suppression comments, read the way diagnose reads them (real comments only). */
  get suppressions(): Suppression[] {
    if (!this.suppressionsCache) {
      const spans = this.spans;
      const insideValue = (offset: number) => spans.some((s) => offset >= s.start && offset < s.end && (s.quoted || (s.block && this.file.text.indexOf('\n', s.start) < offset)));
      this.suppressionsCache = readSuppressions(this.file.text, insideValue);
    }
    return this.suppressionsCache;
  }

  /**
   * A comment may end line `line` unless the line ends inside a value: the body of a
   * block scalar (its header line may carry a comment), or a quoted or plain scalar that
   * goes on to the next line.
   */
  trailingCommentFits(line: number): boolean {
    return !this.multiLine.some((s) => (s.block ? s.startLine < line && line <= s.endLine : s.startLine <= line && line < s.endLine));
  }

  /** A comment line may go above line `line` unless that would split a multi-line value. */
  commentLineFitsAbove(line: number): boolean {
    return !this.multiLine.some((s) => s.startLine < line && line <= s.endLine);
  }
}
