import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** One resolved step of an instance path in the YAML tree. */
export interface PathStep {
  /** The key node, when the step went through a mapping. */
  readonly key?: Node;
  /** The node at this step; null for an explicit key without a value (`? key`). */
  readonly node: Node | null;
}

/** How far an instance path could be followed in the YAML tree. */
export interface Located {
  /** steps[0] is the document's content; one more step per resolved segment. */
  readonly steps: readonly PathStep[];
  /** True when every segment resolved. */
  readonly complete: boolean;
}

/** An offset range `[start, end)` in the document's text. */
export type OffsetRange = readonly [number, number];

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * Follows unescaped JSON-pointer segments through the YAML tree: a property segment steps
 * into the value of the key that has that name (the last one, as `toJS` keeps the last of
 * duplicate keys), an index into the item of a sequence. It stops at an alias, as the
 * aliased content lives elsewhere in the text.
 */
/** Each mapping's pairs by key text (the last one wins, as YAML keeps the last of duplicates). */
const pairIndex = new WeakMap<YAMLMap, Map<string | undefined, Pair>>();

function pairsByKey(map: YAMLMap): Map<string | undefined, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) index.set(keyText(pair.key), pair);
    pairIndex.set(map, index);
  }
  return index;
}

export function locate(doc: Document.Parsed, segments: readonly string[]): Located {
  const steps: PathStep[] = [{ node: doc.contents }];
  for (const segment of segments) {
    const current = steps[steps.length - 1]!.node;
    if (isMap(current)) {
      const pair = pairsByKey(current).get(segment);
      if (!pair) return { steps, complete: false };
      steps.push({ key: pair.key as Node, node: (pair.value as Node | null) ?? null });
    } else if (isSeq(current) && /^\d+$/.test(segment)) {
      const item = current.items[Number(segment)] as Node | undefined;
      if (item === undefined) return { steps, complete: false };
      steps.push({ node: item });
    } else {
      return { steps, complete: false };
    }
  }
  return { steps, complete: true };
}

/**
 * Where a node's content ends. A block collection's own range runs to the start of the
 * next line (and over blank lines); its last item's content end is tighter.
 */
function contentEnd(node: Node): number {
  const end = node.range![1];
  if (!(isMap(node) || isSeq(node)) || node.flow || node.items.length === 0) return end;
  const last: unknown = node.items[node.items.length - 1];
  const parts = (isPair(last) ? [last.value, last.key] : [last]) as (Node | null | undefined)[];
  for (const part of parts) if (part?.range && part.range[1] > part.range[0]) return contentEnd(part);
  return end;
}

/** The node's range without trailing comments and whitespace; undefined when empty. */
export function rangeOf(node: Node | null | undefined): OffsetRange | undefined {
  const range = node?.range;
  if (!node || !range || range[1] <= range[0]) return undefined;
  return [range[0], contentEnd(node)];
}

function firstKeyRange(node: Node | null): OffsetRange | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const range = rangeOf(pair.key as Node | null);
    if (range) return range;
  }
  return undefined;
}

/**
 * The narrowest range that stands for a step: a scalar or alias itself; a collection by
 * its key, or by its first key when it has none (a list item, the root); else the whole
 * node.
 */
function anchorOf(step: PathStep): OffsetRange | undefined {
  const { node, key } = step;
  if (isScalar(node) || isAlias(node)) return rangeOf(node) ?? rangeOf(key);
  return rangeOf(key) ?? firstKeyRange(node) ?? rangeOf(node);
}

/** The nearest ancestor (the last resolved step first) that has a range. */
export function ancestorRange(steps: readonly PathStep[]): OffsetRange | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const range = anchorOf(steps[i]!);
    if (range) return range;
  }
  return undefined;
}

/** The offending value: its node, or its key when the value is empty (`key:` alone). */
export function valueRange(located: Located): OffsetRange | undefined {
  const { steps, complete } = located;
  if (!complete) return ancestorRange(steps);
  const last = steps[steps.length - 1]!;
  return rangeOf(last.node) ?? rangeOf(last.key) ?? ancestorRange(steps.slice(0, -1));
}

/** The key of the last step (an unknown property), else the value's range. */
export function keyRange(located: Located): OffsetRange | undefined {
  const last = located.steps[located.steps.length - 1]!;
  return (located.complete ? rangeOf(last.key) : undefined) ?? valueRange(located);
}

/**
 * Where a missing required property is reported (spec §9): for a list item, the item's
 * first key (the `- id:` line); for a section or a nested mapping, its key in the parent;
 * for the document itself, its first key.
 */
export function missingPropertyRange(located: Located): OffsetRange | undefined {
  const { steps, complete } = located;
  if (!complete) return ancestorRange(steps);
  const last = steps[steps.length - 1]!;
  if (last.key) return rangeOf(last.key) ?? ancestorRange(steps);
  return firstKeyRange(last.node) ?? rangeOf(last.node) ?? ancestorRange(steps.slice(0, -1));
}
