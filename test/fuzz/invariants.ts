/**
 * What must hold of any answer the core gives, whatever the input: ranges inside their
 * documents, edits that apply, well-formed reports. Each check throws an `InvariantError`
 * naming what broke, so a fuzz failure reads as a bug report.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { hasInvisible } from '../../server/src/core/visibleText';
import { KNOWN_ISSUES } from './knownIssues';

export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** A violation that matches a reported, not yet fixed bug (knownIssues.ts). */
export class KnownIssueError extends InvariantError {
  override name = 'KnownIssueError';
}

/** How often each known issue was seen, by its summary. */
export const knownIssueHits = new Map<string, number>();

let strict = process.env.FUZZ_STRICT === '1';

/** Strict: known issues fail like any other violation. */
export function setStrict(value: boolean): void {
  strict = value;
}

export function fail(message: string): never {
  const known = strict ? undefined : KNOWN_ISSUES.find((k) => k.pattern.test(message));
  if (known) {
    knownIssueHits.set(known.summary, (knownIssueHits.get(known.summary) ?? 0) + 1);
    throw new KnownIssueError(message);
  }
  throw new InvariantError(message);
}

/** The documents answers may point into, by URI. */
export type Documents = ReadonlyMap<string, TextDocument>;

/** Length of each line without its line break, as LSP counts them (UTF-16 code units). */
function lineLengths(doc: TextDocument): number[] {
  const cache = lengthCache.get(doc);
  if (cache) return cache;
  const lengths = doc.getText().split(/\r\n|\r|\n/).map((l) => l.length);
  lengthCache.set(doc, lengths);
  return lengths;
}
const lengthCache = new WeakMap<TextDocument, number[]>();

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** 0 ≤ line < lineCount and 0 ≤ character ≤ the line's length. */
export function checkPosition(doc: TextDocument, p: Position, what: string): void {
  const ok = p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
  if (!ok) fail(`${what}: malformed position ${JSON.stringify(p)}`);
  const lengths = lineLengths(doc);
  if (p.line >= lengths.length) fail(`${what}: line ${p.line} is past the last line (${lengths.length - 1}) of ${doc.uri}`);
  if (p.character > lengths[p.line]!) fail(`${what}: character ${p.character} is past the end of line ${p.line} (length ${lengths[p.line]}) of ${doc.uri}`);
}

export function checkRange(doc: TextDocument, r: Range, what: string): void {
  if (!r || typeof r !== 'object') fail(`${what}: no range`);
  checkPosition(doc, r.start, `${what} start`);
  checkPosition(doc, r.end, `${what} end`);
  if (comparePositions(r.start, r.end) > 0) fail(`${what}: range ends before it starts ${JSON.stringify(r)}`);
}

export function documentOf(docs: Documents, uri: string, what: string): TextDocument {
  const doc = docs.get(uri);
  if (!doc) fail(`${what}: points into ${uri}, which is not a file of the workspace`);
  return doc;
}

export function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/**
 * Text the editor shows (a label, a title, a name, a hover) holds no raw control or
 * invisible character; `structure` removes what the format itself uses (a hover's line
 * breaks) before the check. Anything not a string is left to the other checks.
 */
export function checkVisible(text: unknown, what: string, structure?: RegExp): void {
  if (typeof text !== 'string') return;
  if (hasInvisible(structure ? text.replace(structure, '') : text)) fail(`${what}: a raw control or invisible character in ${JSON.stringify(text.slice(0, 200))}`);
}

/** Applies the edits, checking each range and that no two overlap; returns the new text. */
export function applyEdits(doc: TextDocument, edits: readonly TextEdit[], what: string): string {
  edits.forEach((e, i) => {
    checkRange(doc, e.range, `${what} edit ${i}`);
    if (typeof e.newText !== 'string') fail(`${what} edit ${i}: newText is not a string`);
  });
  const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) fail(`${what}: edits overlap (${spans[i - 1]} and ${spans[i]})`);
  }
  try {
    return TextDocument.applyEdits(doc, [...edits]);
  } catch (error) {
    return fail(`${what}: TextDocument.applyEdits failed: ${(error as Error).message}`);
  }
}

/**
 * Applies a workspace edit to the documents; returns the new text of each changed URI. A
 * `create` operation may add an empty file inside `folderUri` that does not exist yet;
 * renames and deletes are not expected of this language server.
 */
export function applyWorkspaceEdit(docs: Documents, edit: WorkspaceEdit, what: string, folderUri?: string): Map<string, string> {
  const all = new Map(docs);
  const byUri = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') fail(`${what}: a ${change.kind} file operation`);
      if (folderUri === undefined || !change.uri.startsWith(folderUri + '/')) fail(`${what}: creates ${change.uri} outside the workspace`);
      if (all.has(change.uri) && !change.options?.overwrite && !change.options?.ignoreIfExists) fail(`${what}: creates ${change.uri}, which exists`);
      if (!all.has(change.uri)) all.set(change.uri, TextDocument.create(change.uri, 'isms-yaml', 0, ''));
      continue;
    }
    byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  const out = new Map<string, string>();
  for (const [uri, edits] of byUri) out.set(uri, applyEdits(documentOf(all, uri, what), edits, `${what} on ${uri}`));
  return out;
}

// ---------------------------------------------------------------------------------------
// Reports

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['style', 'script', 'title', 'textarea']);

/**
 * HTML a browser reads as the author meant: a doctype, a Content-Security-Policy meta, no
 * script, every element closed in order, attributes quoted, and no stray `<` or `&`
 * outside an entity (each value escaped).
 */
export function checkHtml(html: string, what: string): void {
  if (!/^<!DOCTYPE html>/i.test(html)) fail(`${what}: no <!DOCTYPE html>`);
  if (!/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'none'/i.test(html)) fail(`${what}: no Content-Security-Policy meta with default-src 'none'`);
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-:]+(?:="[^"]*"|='[^']*')?)*)\s*(\/?)>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  const checkText = (from: number, to: number) => {
    const text = html.slice(from, to);
    const lt = text.indexOf('<');
    if (lt >= 0) fail(`${what}: a raw '<' in text near ${JSON.stringify(html.slice(from + lt, from + lt + 40))}`);
    const amp = /&(?!(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);)/.exec(text);
    if (amp) fail(`${what}: a raw '&' in text near ${JSON.stringify(text.slice(amp.index, amp.index + 20))}`);
  };
  while ((m = tag.exec(html))) {
    const inRaw = stack.length > 0 && RAW_TEXT.has(stack[stack.length - 1]!);
    const name = m[2]?.toLowerCase();
    if (inRaw) {
      if (m[1] === '/' && name === stack[stack.length - 1]) {
        stack.pop();
        last = tag.lastIndex;
      }
      continue;
    }
    checkText(last, m.index);
    last = tag.lastIndex;
    if (!name) continue; // comment or doctype
    if (name === 'script') fail(`${what}: a <script> element`);
    if (/\son[a-z]+=/i.test(m[3] ?? '')) fail(`${what}: an event-handler attribute in <${name}${m[3]}>`);
    if (/\s(?:href|src)=["']?\s*(?:javascript|data|vbscript):/i.test(m[3] ?? '')) fail(`${what}: a script URL in <${name}${m[3]}>`);
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== name) fail(`${what}: </${name}> closes <${open ?? 'nothing'}>`);
    } else if (!VOID_ELEMENTS.has(name) && m[4] !== '/') {
      stack.push(name);
    }
  }
  checkText(last, html.length);
  if (stack.length > 0) fail(`${what}: unclosed elements ${stack.join(' > ')}`);
}

/** RFC 4180 records of a CSV text; throws on a malformed quote. */
export function parseCsv(csv: string, what: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  if (csv.length === 0) return rows;
  for (;;) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) fail(`${what}: a quoted field is not closed`);
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += csv[i++];
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r' && csv[i] !== '\n') {
        if (csv[i] === '"') fail(`${what}: a quote inside an unquoted field at offset ${i}`);
        field += csv[i++];
      }
    }
    row.push(field);
    if (i >= csv.length) {
      rows.push(row);
      return rows;
    }
    if (csv[i] === ',') {
      i++;
      continue;
    }
    if (csv[i] === '\r' && csv[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      if (i >= csv.length) return rows;
      continue;
    }
    fail(`${what}: ${JSON.stringify(csv[i])} after a field at offset ${i} (records end with CRLF)`);
  }
}

/** Every record as wide as the header, CRLF line ends, and no cell a spreadsheet would run. */
export function checkCsv(csv: string, what: string): string[][] {
  if (csv.length > 0 && !csv.endsWith('\r\n')) fail(`${what}: the last record does not end with CRLF`);
  const rows = parseCsv(csv, what);
  if (rows.length === 0) fail(`${what}: no header`);
  const width = rows[0]!.length;
  rows.forEach((row, i) => {
    if (row.length !== width) fail(`${what}: record ${i} has ${row.length} fields, the header ${width}`);
    row.forEach((cell, j) => {
      if (/^[=+\-@\t\r]/.test(cell)) fail(`${what}: record ${i} field ${j} starts like a formula: ${JSON.stringify(cell.slice(0, 30))}`);
    });
  });
  return rows;
}

/** Markdown tables keep their shape: every row of a table has as many cells as its header. */
export function checkMarkdown(md: string, what: string): void {
  const lines = md.split('\n');
  let width = -1;
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) {
      width = -1;
      return;
    }
    const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;
    if (width < 0) width = cells;
    else if (cells !== width) fail(`${what}: table row at line ${i + 1} has ${cells} cells, its header ${width}: ${JSON.stringify(line.slice(0, 80))}`);
  });
}
