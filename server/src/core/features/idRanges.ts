/**
 * Where an id sits in the text, for the navigation features: the characters of the id
 * itself (inside the quotes of a quoted scalar), as offsets, converted to LSP ranges
 * once at the edge.
 */
import { Scalar } from 'yaml';
import type { Location, Range } from 'vscode-languageserver-types';
import type { IsmsFile } from '../parse/ismsFile';

/**
 * Offsets of the id text in a scalar: without the quotes of `"bob"` / `'bob'`, and
 * without the trailing line breaks of a block scalar. Undefined for a node without a range.
 */
export function idOffsets(file: IsmsFile, node: Scalar): [number, number] | undefined {
  const r = node.range;
  if (!r) return undefined;
  let [start, end] = [r[0], r[1]];
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    if (end - start >= 2) return [start + 1, end - 1];
    return [start, end];
  }
  while (end > start && /\s/.test(file.text[end - 1]!)) end--;
  return [start, end];
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
