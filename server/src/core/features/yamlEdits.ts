/**
 * Small text edits on ISMS files that keep the YAML well-formed: lines and their
 * endings, a YAML-safe spelling of a value, and appending items to a block list in the
 * list's own indentation. Offsets inside, LSP `TextEdit`s at the edge.
 */
import { isMap, isScalar, isSeq, parse, type Node, type Scalar } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { parseIsmsFile, type IsmsFile } from '../parse/ismsFile';
import { trimmedRangeOf } from '../parse/yamlAccess';

/** The file's line ending: that of its first line break, `\n` when it has none. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export interface LineBounds {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just after its last character, before `\r\n` / `\n`. */
  contentEnd: number;
  /** Offset of the next line's first character (the text's length on the last line). */
  next: number;
}

/** The line that holds `offset`. */
export function lineAt(text: string, offset: number): LineBounds {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const lf = text.indexOf('\n', offset);
  const end = lf < 0 ? text.length : lf;
  const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
  return { start, contentEnd, next: lf < 0 ? text.length : lf + 1 };
}

/** The 0-based line `line` (clamped to the text). */
export function lineNumbered(file: IsmsFile, line: number): LineBounds {
  return lineAt(file.text, file.lines.offsetAt({ line, character: 0 }));
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The leading blanks of the line that starts at `lineStart`. */
export function indentAt(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
}

export function textEdit(file: IsmsFile, start: number, end: number, newText: string): TextEdit {
  return { range: { start: file.lines.positionAt(start), end: file.lines.positionAt(end) }, newText };
}

/** An edit by offsets, for checks that apply it to part of a text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** `text` with non-overlapping `edits` applied. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

/**
 * `value` as YAML writes it, valid in block and flow context: plain when YAML reads it
 * back as the same string (`bob`, `EV-001`, `A.5.10`), else double-quoted (`"2024"`, `"true"`).
 */
export function yamlScalar(value: string): string {
  if (PLAIN_SAFE.test(value)) {
    try {
      if (parse(value) === value) return value;
    } catch {
      // Fall through to quoting.
    }
  }
  return JSON.stringify(value);
}

/** A list item: its lines without indentation; the first gets the `- `. */
export type ItemLines = readonly string[];

function renderItems(items: readonly ItemLines[], dashColumn: number, keyColumn: number, eol: string): string {
  const keyIndent = ' '.repeat(keyColumn);
  const dash = ' '.repeat(dashColumn) + '-' + ' '.repeat(keyColumn - dashColumn - 1);
  return items.map((lines) => lines.map((line, i) => eol + (i === 0 ? dash : keyIndent) + line).join('')).join('');
}

/** True when a node holds nothing: `key:`, `key: ~`, `key: null`. */
function isNullNode(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/**
 * Replaces an empty value written on the key's line (`key:`, `key: []`, `key: ~`) by a
 * block that `render(keyColumn)` produces, keeping a trailing comment on the key line.
 */
function fillEmptyValue(file: IsmsFile, key: Scalar, value: Node | null | undefined, render: (keyColumn: number) => string): TextEdit | undefined {
  const text = file.text;
  if (!key.range) return undefined;
  const colon = text.indexOf(':', key.range[1]);
  if (colon < 0) return undefined;
  const line = lineAt(text, key.range[0]);
  if (colon >= line.contentEnd) return undefined;
  let restStart = colon + 1;
  const valueRange = value?.range;
  if (valueRange && valueRange[1] > valueRange[0]) {
    // The empty value must be written on the key's line (not `key:\n  []`).
    if (valueRange[1] > line.contentEnd) return undefined;
    restStart = valueRange[1];
  }
  const comment = /#.*$/.exec(text.slice(restStart, line.contentEnd))?.[0];
  return textEdit(file, colon + 1, line.contentEnd, (comment ? ' ' + comment : '') + render(columnOf(text, key.range[0])));
}

/**
 * An edit that appends `items` to the list that is the value of `key`: after the last
 * item of a block list, in its indentation (`-   id:` styles included); or as a new
 * block list when the value is empty (`key:`, `key: []`). Undefined for shapes that
 * cannot be extended safely (a non-empty flow list `[a, b]`, a scalar, a mapping).
 */
export function appendToList(file: IsmsFile, key: Scalar, value: Node | null | undefined, items: readonly ItemLines[]): TextEdit | undefined {
  const text = file.text;
  const eol = eolOf(text);
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const dashColumn = columnOf(text, value.range[0]);
    const first = value.items[0] as Node | null;
    let keyColumn = dashColumn + 2;
    if (first?.range && lineAt(text, first.range[0]).start === lineAt(text, value.range[0]).start) {
      keyColumn = Math.max(dashColumn + 2, columnOf(text, first.range[0]));
    }
    const end = trimmedRangeOf(value, text)![1];
    const at = lineAt(text, Math.max(value.range[0], end - 1)).contentEnd;
    return textEdit(file, at, at, renderItems(items, dashColumn, keyColumn, eol));
  }
  const emptyFlow = isSeq(value) && value.flow && value.items.length === 0;
  if (!isNullNode(value) && !emptyFlow) return undefined;
  return fillEmptyValue(file, key, value, (keyColumn) => renderItems(items, keyColumn + 2, keyColumn + 4, eol));
}

/**
 * An edit that adds `name:` with a list of `items` to the block mapping that is the
 * value of `key` (after its last entry, in its indentation), or to an empty value.
 */
export function appendListToMap(file: IsmsFile, key: Scalar, value: Node | null | undefined, name: string, items: readonly ItemLines[]): TextEdit | undefined {
  const text = file.text;
  const eol = eolOf(text);
  const block = (column: number) => eol + ' '.repeat(column) + name + ':' + renderItems(items, column + 2, column + 4, eol);
  if (isMap(value) && !value.flow && value.items.length > 0 && value.range) {
    const firstKey = value.items[0]!.key as Node | null;
    if (!firstKey?.range) return undefined;
    const end = trimmedRangeOf(value, text)![1];
    const at = lineAt(text, Math.max(value.range[0], end - 1)).contentEnd;
    return textEdit(file, at, at, block(columnOf(text, firstKey.range[0])));
  }
  if (!isNullNode(value)) return undefined;
  return fillEmptyValue(file, key, value, (keyColumn) => block(keyColumn + 2));
}

/**
 * An edit that adds a top-level section `name:` with a list of `items` at the end of the
 * file. Undefined when the file's top level is not a block mapping (nor empty).
 */
export function appendSection(file: IsmsFile, name: string, items: readonly ItemLines[]): TextEdit | undefined {
  const doc = file.yaml;
  if (!doc) return undefined;
  const contents = doc.contents as Node | null;
  let column = 0;
  if (contents !== null) {
    if (!isMap(contents) || contents.flow || !contents.range) return undefined;
    const firstKey = contents.items[0]?.key as Node | null | undefined;
    if (firstKey?.range) column = columnOf(file.text, firstKey.range[0]);
  }
  const text = file.text;
  const eol = eolOf(text);
  const prefix = text.length > 0 && !text.endsWith('\n') ? eol : '';
  const newText = prefix + ' '.repeat(column) + name + ':' + renderItems(items, column + 2, column + 4, eol) + eol;
  return textEdit(file, text.length, text.length, newText);
}

/** Texts above this size are not re-parsed to double-check an edit (cost per cursor move). */
const MAX_VERIFIED_LENGTH = 256 * 1024;

/** True when `keepsYamlValid` would parse the edited file rather than trust the structural checks. */
export function isVerified(file: IsmsFile): boolean {
  return file.text.length <= MAX_VERIFIED_LENGTH;
}

/**
 * Double-checks edits by applying them and parsing the result: no new YAML error, and,
 * when `sameValue`, the same data (a comment must not change a value). `check` may look
 * at the parsed result too. Large files are trusted to the structural checks.
 */
export function keepsYamlValid(file: IsmsFile, edits: TextEdit[], sameValue: boolean, check?: (after: IsmsFile) => boolean): boolean {
  if (!isVerified(file)) return true;
  const before = file.yaml;
  if (!before) return false;
  const after = parseIsmsFile(file.uri, TextDocument.applyEdits(file.lines, edits), file.version);
  if (!after.yaml || after.yaml.errors.length > before.errors.length) return false;
  if (sameValue && before.errors.length === 0 && file.value !== undefined && JSON.stringify(after.value) !== JSON.stringify(file.value)) return false;
  return check ? check(after) : true;
}
