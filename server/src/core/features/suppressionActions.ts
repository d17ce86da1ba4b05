/**
 * Quick fixes around suppression comments (spec §3): silence a diagnostic on its line —
 * a trailing `# isms-disable-line CODE` where YAML allows a comment there, else a
 * `# isms-disable-next-line CODE` line above, or `, CODE` added to a comment that is
 * already there — and remove a code that an `unused-suppression` names.
 */
import { visit, type Scalar } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { readSuppressions, type Suppression } from '../diagnostics/suppression';
import type { IsmsFile } from '../parse/ismsFile';
import { trimmedRangeOf } from '../parse/yamlAccess';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { eolOf, indentAt, keepsYamlValid, lineAt, lineNumbered, textEdit } from './yamlEdits';

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
    return !this.spans.some((s) => (s.block ? s.startLine < line && line <= s.endLine : s.startLine <= line && line < s.endLine));
  }

  /** A comment line may go above line `line` unless that would split a multi-line value. */
  commentLineFitsAbove(line: number): boolean {
    return !this.spans.some((s) => s.startLine < line && line <= s.endLine);
  }
}

const DIRECTIVE_HEAD = /^#\s*isms-disable-(?:next-line|line)\b/;

/** Offsets of each code in a suppression comment (the codes end at `--` or another `#`). */
function codeTokens(text: string, suppression: Suppression): { code: string; start: number; end: number }[] {
  const comment = text.slice(suppression.start, suppression.end);
  const head = DIRECTIVE_HEAD.exec(comment);
  if (!head) return [];
  const rest = comment.slice(head[0].length);
  const stop = /--|#/.exec(rest);
  const codes = stop ? rest.slice(0, stop.index) : rest;
  const base = suppression.start + head[0].length;
  const out: { code: string; start: number; end: number }[] = [];
  for (const m of codes.matchAll(/[^\s,]+/g)) out.push({ code: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

function quickFix(title: string, diagnostics: Diagnostic[], uri: string, edits: TextEdit[], isPreferred = false): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: edits } } };
  if (isPreferred) action.isPreferred = true;
  return action;
}

/**
 * True when the comment written by `edits` silences `code` on `line`. In a file that
 * parses, the structural checks decide where a comment may go, and reading the edited
 * line back is enough (cheap: code actions are asked for on every cursor move). In a
 * file with YAML errors the structure is not to be trusted, so the result is parsed:
 * no new error, and the comment is read the way diagnose reads it.
 */
function silences(file: IsmsFile, edits: TextEdit[], code: string, line: number): boolean {
  if (file.yaml!.errors.length > 0) {
    return keepsYamlValid(file, edits, true, (after) => new SuppressionContext(after).suppressions.some((s) => s.targetLine === line && s.codes.includes(code)));
  }
  const after = TextDocument.applyEdits(file.lines, edits);
  const edited = lineAt(after, TextDocument.create('', '', 0, after).offsetAt({ line, character: 0 }));
  const previous = line > 0 ? lineAt(after, edited.start - 1) : undefined;
  const around = after.slice(previous?.start ?? edited.start, edited.contentEnd);
  const offset = previous ? 1 : 0;
  return readSuppressions(around).some((s) => s.targetLine === offset && s.codes.includes(code));
}

/**
 * "Suppress 'code' on this line" for diagnostics of one code that start on one line.
 * Undefined when no comment can go there without changing the YAML (a line inside a
 * block scalar's body, say).
 */
export function suppressAction(ctx: SuppressionContext, uri: string, code: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  const { file } = ctx;
  if (!file.yaml || diagnostics.length === 0) return undefined;
  const line = diagnostics[0]!.range.start.line;
  const title = `Suppress '${code}' on this line`;
  const existing = ctx.suppressions.filter((s) => s.targetLine === line).sort((a, b) => b.commentLine - a.commentLine)[0];
  if (existing) {
    if (existing.codes.includes(code)) return undefined;
    const tokens = codeTokens(file.text, existing);
    const last = tokens[tokens.length - 1];
    if (!last) return undefined;
    const edits = [textEdit(file, last.end, last.end, `, ${code}`)];
    return silences(file, edits, code, line) ? quickFix(title, diagnostics, uri, edits) : undefined;
  }
  const bounds = lineNumbered(file, line);
  // A directive already on this line (for the next one, or words inside a quoted value)
  // would be read instead of a second one.
  const directiveOnLine = file.text.slice(bounds.start, bounds.contentEnd).includes('isms-disable-');
  if (!directiveOnLine && ctx.trailingCommentFits(line)) {
    let end = bounds.contentEnd;
    while (end > bounds.start && /[ \t]/.test(file.text[end - 1]!)) end--;
    const edits = [textEdit(file, end, bounds.contentEnd, `${end > bounds.start ? ' ' : ''}# isms-disable-line ${code}`)];
    if (silences(file, edits, code, line)) return quickFix(title, diagnostics, uri, edits);
  }
  if (ctx.commentLineFitsAbove(line)) {
    const indent = indentAt(file.text, bounds.start);
    const edits = [textEdit(file, bounds.start, bounds.start, `${indent}# isms-disable-next-line ${code}${eolOf(file.text)}`)];
    if (silences(file, edits, code, line + 1)) {
      return quickFix(`${title} (comment above it)`, diagnostics, uri, edits);
    }
  }
  return undefined;
}

/** "Remove unused suppression": the code from the comment, or the comment when it was the only code. */
export function removeSuppressionAction(ctx: SuppressionContext, uri: string, diagnostic: Diagnostic): CodeAction | undefined {
  const { file } = ctx;
  const code = (diagnostic.data as { suppressedCode?: unknown } | undefined)?.suppressedCode;
  if (typeof code !== 'string') return undefined;
  const line = diagnostic.range.start.line;
  const suppression = ctx.suppressions.find((s) => s.commentLine === line && s.codes.includes(code));
  if (!suppression) return undefined;
  const tokens = codeTokens(file.text, suppression);
  const index = tokens.findIndex((t) => t.code === code);
  if (index < 0) return undefined;
  let start: number;
  let end: number;
  if (tokens.length === 1) {
    const bounds = lineAt(file.text, suppression.start);
    if (file.text.slice(bounds.start, suppression.start).trim() === '') {
      // A comment on a line of its own: the whole line goes.
      start = bounds.start;
      end = bounds.next;
      if (end === file.text.length && bounds.contentEnd === file.text.length && start > 0) start = lineAt(file.text, start - 1).contentEnd;
    } else {
      start = suppression.start;
      while (start > bounds.start && /[ \t]/.test(file.text[start - 1]!)) start--;
      end = suppression.end;
    }
  } else if (index > 0) {
    start = tokens[index - 1]!.end;
    end = tokens[index]!.end;
  } else {
    start = tokens[0]!.start;
    end = tokens[1]!.start;
  }
  const title = tokens.length === 1 ? 'Remove unused suppression' : `Remove unused suppression of '${code}'`;
  return quickFix(title, [diagnostic], uri, [textEdit(file, start, end, '')], true);
}
