/**
 * Quick fixes around suppression comments (spec §3): silence a diagnostic on its line —
 * a trailing `# isms-disable-line CODE` where YAML allows a comment there, else a
 * `# isms-disable-next-line CODE` line above, or `, CODE` added to a comment that is
 * already there — and remove a code that an `unused-suppression` names.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Suppression } from '../diagnostics/suppression';
import { escapeInvisible } from '../visibleText';
import { checkSuppressions, type SuppressionEdit } from './suppressionChecks';
import type { SuppressionContext } from './suppressionContext';
import { eolOf, indentAt, lineAt, lineNumbered, textEdit, type OffsetEdit } from './yamlEdits';

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

/** The title may quote a code as written in a comment: acting and invisible characters in it are shown as escapes. */
function quickFix(title: string, diagnostics: Diagnostic[], uri: string, edits: TextEdit[], isPreferred = false): CodeAction {
  const action: CodeAction = { title: escapeInvisible(title), kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: edits } } };
  if (isPreferred) action.isPreferred = true;
  return action;
}

/** One way to silence a group of diagnostics, with the title it is offered under. */
interface Candidate extends SuppressionEdit {
  readonly title: string;
}

/**
 * The ways to silence `code` on `line`, best first: a code added to a suppression comment
 * already there; else a trailing `# isms-disable-line`; else a comment line above. None
 * where no comment can go without changing the YAML (a line inside a block scalar's body).
 */
function candidatesFor(ctx: SuppressionContext, code: string, line: number): Candidate[] {
  const { file } = ctx;
  const title = `Suppress '${code}' on this line`;
  const candidate = (edit: OffsetEdit, label = title): Candidate => ({ edits: [edit], code, line, title: label });
  const existing = ctx.suppressions.filter((s) => s.targetLine === line).sort((a, b) => b.commentLine - a.commentLine)[0];
  if (existing) {
    if (existing.codes.includes(code)) return [];
    const last = codeTokens(file.text, existing).pop();
    return last ? [candidate({ start: last.end, end: last.end, newText: `, ${code}` })] : [];
  }
  const out: Candidate[] = [];
  const bounds = lineNumbered(file, line);
  // A directive already on this line (for the next one, or words inside a quoted value)
  // would be read instead of a second one.
  const directiveOnLine = file.text.slice(bounds.start, bounds.contentEnd).includes('isms-disable-');
  if (!directiveOnLine && ctx.trailingCommentFits(line)) {
    let end = bounds.contentEnd;
    while (end > bounds.start && /[ \t]/.test(file.text[end - 1]!)) end--;
    out.push(candidate({ start: end, end: bounds.contentEnd, newText: `${end > bounds.start ? ' ' : ''}# isms-disable-line ${code}` }));
  }
  if (ctx.commentLineFitsAbove(line)) {
    const indent = indentAt(file.text, bounds.start);
    out.push(candidate({ start: bounds.start, end: bounds.start, newText: `${indent}# isms-disable-next-line ${code}${eolOf(file.text)}` }, `${title} (comment above it)`));
  }
  return out;
}

/**
 * "Suppress 'code' on this line" for each group of diagnostics of one code that start on
 * one line (in the order given), each with the first of its ways that checks out. The
 * checks of a request run together (see suppressionChecks.ts): first choices, then the
 * second choices of the groups whose first failed.
 */
export function suppressActions(ctx: SuppressionContext, uri: string, groups: readonly { code: string; diagnostics: Diagnostic[] }[]): CodeAction[] {
  const { file } = ctx;
  if (!file.yaml) return [];
  const options = groups.map((g) => (g.diagnostics.length > 0 ? candidatesFor(ctx, g.code, g.diagnostics[0]!.range.start.line) : []));
  const chosen: (Candidate | undefined)[] = groups.map(() => undefined);
  let pending = groups.map((_, i) => i).filter((i) => options[i]!.length > 0);
  for (let round = 0; pending.length > 0; round++) {
    const tried = pending.filter((i) => options[i]![round] !== undefined);
    const ok = checkSuppressions(file, tried.map((i) => options[i]![round]!));
    tried.forEach((i, k) => {
      if (ok[k]) chosen[i] = options[i]![round];
    });
    pending = tried.filter((_, k) => !ok[k]);
  }
  const out: CodeAction[] = [];
  groups.forEach((g, i) => {
    const c = chosen[i];
    if (c) out.push(quickFix(c.title, g.diagnostics, uri, c.edits.map((e) => textEdit(file, e.start, e.end, e.newText))));
  });
  return out;
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
