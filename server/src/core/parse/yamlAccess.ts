/**
 * Small, total accessors over `yaml` nodes: each returns undefined instead of throwing
 * when the shape is not what a well-formed ISMS file would have, so that rules can be
 * written for the happy path and stay silent on shapes the schema already reports.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type Range = [start: number, end: number];

/** The text range of a node's value (without trailing comments or newline). */
export function rangeOf(node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

export function pairOf(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) return pair as Pair<Scalar, Node | null>;
  }
  return undefined;
}

export function keyOf(map: unknown, key: string): Scalar | undefined {
  return pairOf(map, key)?.key;
}

export function valueOf(map: unknown, key: string): Node | undefined {
  return pairOf(map, key)?.value ?? undefined;
}

export function mapOf(map: unknown, key: string): YAMLMap | undefined {
  const v = valueOf(map, key);
  return isMap(v) ? v : undefined;
}

export function seqOf(map: unknown, key: string): YAMLSeq | undefined {
  const v = valueOf(map, key);
  return isSeq(v) ? v : undefined;
}

export function scalarOf(map: unknown, key: string): Scalar | undefined {
  const v = valueOf(map, key);
  return isScalar(v) ? v : undefined;
}

/** The string value of `key`, or undefined when absent or not a string. */
export function stringOf(map: unknown, key: string): string | undefined {
  const v = scalarOf(map, key)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** True when `key` is absent, null, or a blank string — "not given" for a rule. */
export function isBlank(map: unknown, key: string): boolean {
  const pair = pairOf(map, key);
  if (!pair || pair.value === null || pair.value === undefined) return true;
  const v = pair.value;
  if (isScalar(v)) return v.value === null || (typeof v.value === 'string' && v.value.trim() === '');
  if (isSeq(v)) return v.items.length === 0;
  return false;
}

/** Scalars of a list value; a single scalar counts as a list of one (tolerant reading). */
export function scalarsOf(map: unknown, key: string): Scalar[] {
  const v = valueOf(map, key);
  if (isScalar(v)) return v.value === null ? [] : [v];
  if (!isSeq(v)) return [];
  return v.items.filter((item): item is Scalar => isScalar(item) && item.value !== null);
}

/** The maps of a list (non-map items are the schema's to report). */
export function mapsOf(seq: unknown): YAMLMap[] {
  return isSeq(seq) ? seq.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

/** The text the user wrote for a scalar: `5.10` stays `5.10` though YAML reads 5.1. */
export function scalarText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** The first key of a map — the anchor of "missing property" problems (`- id:` line). */
export function firstKeyOf(map: YAMLMap): Scalar | undefined {
  const first = map.items[0];
  return first && isScalar(first.key) ? first.key : undefined;
}

/**
 * Like `rangeOf`, without the trailing line breaks and spaces that `yaml` counts as part
 * of block scalars (`>`, `|`) and block sequences, so that a range ends on the value's
 * last line instead of at the start of the next key. Only YAML's own white space is
 * trimmed: to `yaml` a U+FEFF or U+00A0 is text, part of the value, so a range that
 * dropped it could end a line early and hide that a plain scalar goes on to the next.
 */
export function trimmedRangeOf(node: Node | null | undefined, text: string): Range | undefined {
  const range = rangeOf(node);
  if (!range) return undefined;
  let end = Math.min(range[1], text.length);
  while (end > range[0] && isYamlSpace(text.charCodeAt(end - 1))) end--;
  return [range[0], end];
}

/** Space, tab, LF or CR: the white space of YAML (JavaScript's `\s` matches far more). */
export function isYamlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
