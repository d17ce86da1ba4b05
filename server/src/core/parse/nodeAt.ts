/**
 * What is under the cursor: the path from the document root to the deepest node whose
 * range contains the offset, and whether the offset is on a key or a value. Completion,
 * hover and the key documentation all start from here.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { IsmsFile } from './ismsFile';

export type PathSegment = string | number;

export interface NodeAt {
  /** Keys and indexes from the root to the node (a key's own name ends the path when on a key). */
  path: PathSegment[];
  /** The deepest node containing the offset (a scalar, or a collection when between items). */
  node: Node | undefined;
  /** True when the offset is on a mapping key. */
  onKey: boolean;
  /** The pair whose key or value holds the offset, if any. */
  pair: Pair | undefined;
  /** The mapping that holds `pair`. */
  map: YAMLMap | undefined;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= offset && offset <= r[1];
}

/** Finds the node at `offset`; `undefined` node when the offset is outside the content. */
export function nodeAt(file: IsmsFile, offset: number): NodeAt {
  const result: NodeAt = { path: [], node: undefined, onKey: false, pair: undefined, map: undefined };
  let current: unknown = file.yaml?.contents;
  // Depth is bounded by the document; the loop stops when no child contains the offset.
  for (let guard = 0; guard < 10_000 && current; guard++) {
    if (isMap(current)) {
      if (!contains(current, offset)) break;
      result.node = current;
      const pair = current.items.find((p) => isPair(p) && (contains(p.key as Node, offset) || contains(p.value as Node, offset)));
      if (!pair) break;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      result.pair = pair;
      result.map = current;
      result.path.push(key);
      if (contains(pair.key as Node, offset)) {
        result.onKey = true;
        result.node = pair.key as Node;
        break;
      }
      result.onKey = false;
      current = pair.value;
      continue;
    }
    if (isSeq(current)) {
      if (!contains(current, offset)) break;
      result.node = current;
      const index = current.items.findIndex((item) => contains(item as Node, offset));
      if (index < 0) break;
      result.path.push(index);
      current = current.items[index];
      continue;
    }
    if (isScalar(current)) {
      if (contains(current, offset)) result.node = current;
      break;
    }
    break;
  }
  return result;
}
