/**
 * Where an id sits in the text, for the navigation features: the characters of the id
 * itself (inside the quotes of a quoted scalar), as offsets, converted to LSP ranges
 * once at the edge.
 */
import { Scalar } from 'yaml';
import type { Location, Range } from 'vscode-languageserver-types';
import type { IsmsFile } from '../parse/ismsFile';
import { isYamlSpace, trimmedRangeOf } from '../parse/yamlAccess';

function isQuoted(node: Scalar): boolean {
  return node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
}

/**
 * Offsets of the id text in a scalar: without the quotes of `"bob"` / `'bob'`, and for a
 * block scalar its content alone, without the header line (`|-`) and the line breaks
 * `yaml` counts up to the next key. Undefined for a node without a range.
 */
export function idOffsets(file: IsmsFile, node: Scalar): [number, number] | undefined {
  const r = trimmedRangeOf(node, file.text);
  if (!r) return undefined;
  let [start, end] = r;
  const text = file.text;
  if (isQuoted(node)) {
    // An unterminated quote (a YAML error) has no closing quote to leave out.
    const closed = end - start >= 2 && text[end - 1] === text[start];
    return [start + 1, closed ? end - 1 : end];
  }
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd >= 0 && headerEnd < end) {
      start = headerEnd + 1;
      while (start < end && isYamlSpace(text.charCodeAt(start))) start++;
    }
  }
  return [start, end];
}

/**
 * Offsets where the cursor is on the id: its text, and for a quoted scalar the quotes
 * too, so that every feature answers exactly where `idOffsets` gives its range.
 */
export function idHitOffsets(file: IsmsFile, node: Scalar): [number, number] | undefined {
  return isQuoted(node) ? trimmedRangeOf(node, file.text) : idOffsets(file, node);
}

export function rangeOfOffsets(file: IsmsFile, start: number, end: number): Range {
  return { start: file.lines.positionAt(start), end: file.lines.positionAt(end) };
}

/** The LSP range of the id text of a scalar (see `idOffsets`). */
export function idRange(file: IsmsFile, node: Scalar): Range | undefined {
  const offsets = idOffsets(file, node);
  return offsets && rangeOfOffsets(file, offsets[0], offsets[1]);
}

export function idLocation(file: IsmsFile, node: Scalar): Location | undefined {
  const range = idRange(file, node);
  return range && { uri: file.uri, range };
}

/** Locations in a stable order (file, then position), without repeats. */
export function sortLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const l of locations) {
    const key = `${l.uri}\u0000${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  return out.sort((a, b) =>
    a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
