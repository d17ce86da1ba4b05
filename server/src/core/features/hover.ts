/**
 * Hover for `.isms.yaml` files: what an id under the cursor stands for (a control with
 * its state in this ISMS, a 2013 id, a clause, a person, an evidence item, an audit, a
 * risk, a nonconformity) and what a key means (its schema documentation). Control and
 * item ids written inside free text (`required by risk R-004`) get the same hover.
 */
import { isScalar, type Scalar } from 'yaml';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { getClause, getControl, getLegacyControl } from '../catalog/index';
import type { IdKind, RefKind } from '../model/facts';
import type { IsmsFile } from '../parse/ismsFile';
import { nodeAt } from '../parse/nodeAt';
import { trimmedRangeOf, type Range } from '../parse/yamlAccess';
import { schemaAt, schemaDoc, schemaMarkdown } from '../schema/schemaAt';
import { escapeInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import {
  auditMarkdown, clauseMarkdown, code, controlMarkdown, esc, evidenceMarkdown, nonconformityMarkdown, otherControlMarkdown,
  personMarkdown, riskMarkdown,
} from './hoverContent';
import { idHitOffsets } from './idRanges';
import { symbolAt } from './symbolAt';

/** The hover at a position of an ISMS file of `ws`, or null where there is nothing to say. */
export function getHover(ws: IsmsWorkspace, uri: string, position: Position): Hover | null {
  const found = hoverAt(ws, uri, position);
  // A block value's range runs past its last line; a hover must cover the cursor.
  const range = found?.range;
  if (range && (before(position, range.start) || before(range.end, position))) return null;
  return found;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function hoverAt(ws: IsmsWorkspace, uri: string, position: Position): Hover | null {
  const file = ws.file(uri);
  if (!file || !file.yaml) return null;
  const offset = file.lines.offsetAt(position);
  const symbol = symbolAt(ws.model, file, offset);
  if (symbol) {
    const range = idHitOffsets(file, symbol.node);
    const value = refMarkdown(ws, symbol.kind, symbol.id);
    if (value && range) return hover(file, value, range);
  }
  const at = nodeAt(file, offset);
  if (at.onKey && isScalar(at.node)) return keyHover(file, at.path, at.node);
  if (isScalar(at.node) && !at.onKey) return valueHover(ws, file, at.path, at.node, offset);
  return null;
}

/**
 * User text in the Markdown is escaped where it is quoted (hoverContent.ts); this is the
 * net under it: whatever acting or invisible character still got in is shown as an
 * escape. Line breaks are the Markdown's own structure here and stay.
 */
function hover(file: IsmsFile, value: string, range: Range): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: escapeInvisible(value, '\n') },
    range: { start: file.lines.positionAt(range[0]), end: file.lines.positionAt(range[1]) },
  };
}

function refMarkdown(ws: IsmsWorkspace, kind: RefKind, id: string): string | undefined {
  const model = ws.model;
  switch (kind) {
    case 'control': {
      const control = getControl(id);
      return control ? controlMarkdown(model, control) : otherControlMarkdown(id);
    }
    case 'clause':
      return clauseMarkdown(model, id);
    case 'person':
      return personMarkdown(model, id);
    case 'evidence':
      return evidenceMarkdown(model, id, ws.today(), ws.settings.evidenceMaxAgeDays);
    case 'audit':
      return auditMarkdown(model, id);
    case 'risk':
      return riskMarkdown(model, id);
    case 'nonconformity':
      return nonconformityMarkdown(model, id, ws.today());
    default:
      return undefined;
  }
}

/** A key: its title, the schema's description and the allowed values. */
function keyHover(file: IsmsFile, path: readonly (string | number)[], key: Scalar): Hover | null {
  const schema = schemaAt(path);
  const range = trimmedRangeOf(key, file.text);
  if (!schema || !range) return null;
  const doc = schemaMarkdown(schema);
  const name = code(String(key.value));
  const title = schema.schema.title ? `**${esc(schema.schema.title)}** (${name})` : name;
  return hover(file, doc ? `${title}\n\n${doc}` : title, range);
}

const ID_KINDS: readonly IdKind[] = ['risk', 'evidence', 'nonconformity', 'audit', 'person'];

/**
 * A value that is not an id field: an enum value (its meaning), or a control or item id
 * mentioned inside free text (`required by risk R-004`).
 */
function valueHover(ws: IsmsWorkspace, file: IsmsFile, path: readonly (string | number)[], node: Scalar, offset: number): Hover | null {
  const range = trimmedRangeOf(node, file.text);
  if (!range) return null;
  const schema = schemaAt(path);
  const values = schema?.schema.enum;
  if (schema && values && values.includes(node.value)) {
    const index = values.indexOf(node.value);
    const meaning = schema.schema.markdownEnumDescriptions?.[index] ?? schema.schema.enumDescriptions?.[index];
    const parts = [`\`${String(node.value)}\`${meaning ? ` — ${meaning}` : ''}`];
    const doc = schemaDoc(schema.schema);
    if (doc) parts.push(doc);
    return hover(file, parts.join('\n\n'), range);
  }
  if (typeof node.value !== 'string') return null;
  const word = wordAt(file.text, offset, range);
  if (!word) return null;
  const model = ws.model;
  let value: string | undefined;
  if (/^A\.\d+\.\d+(\.\d+)?$/.test(word.text) && (getControl(word.text) || getLegacyControl(word.text))) {
    value = refMarkdown(ws, 'control', word.text);
  } else if (/^\d+(\.\d+)+$/.test(word.text) && getClause(word.text) && /clause/i.test(file.text.slice(Math.max(range[0], word.start - 12), word.start))) {
    value = clauseMarkdown(model, word.text);
  } else {
    const kind = ID_KINDS.find((k) => k !== 'person' && model.item(k, word.text) !== undefined);
    if (kind) value = refMarkdown(ws, kind, word.text);
  }
  return value ? hover(file, value, [word.start, word.end]) : null;
}

/** The id-like word (`A.5.15`, `R-004`, `EV-001`) around `offset`, inside `bounds`. */
function wordAt(text: string, offset: number, bounds: Range): { text: string; start: number; end: number } | undefined {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\w.-]/.test(ch);
  let start = offset;
  let end = offset;
  while (start > bounds[0] && isWord(text[start - 1])) start--;
  while (end < bounds[1] && isWord(text[end])) end++;
  // Sentence punctuation is not part of the id: "see A.5.15." or "(R-004)".
  while (end > start && /[.-]/.test(text[end - 1]!)) end--;
  while (start < end && /[.-]/.test(text[start]!)) start++;
  if (start >= end || offset < start || offset > end) return undefined;
  return { text: text.slice(start, end), start, end };
}
