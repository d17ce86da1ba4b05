/**
 * A multimap from a key to entries listed in file order (by URI, then as written), which
 * can be derived for a new version of one file without copying the rest: the derived
 * index shares the base map and keeps only the keys that file touched as overrides.
 * An edit costs the keys of one file, not a rebuild of the whole ISMS's index.
 */
import type { IsmsFile } from '../parse/ismsFile';

/** Overrides are folded into a fresh base past this many keys, so lookups stay one hop. */
const MAX_OVERRIDES = 512;

export interface FromFile {
  readonly file: IsmsFile;
}

export class FileOrderedIndex<V extends FromFile> {
  private constructor(
    private readonly base: ReadonlyMap<string, readonly V[]>,
    private readonly overrides: ReadonlyMap<string, readonly V[]>,
  ) {}

  /** Entries must arrive in file order. */
  static build<V extends FromFile>(entries: Iterable<V>, keyOf: (entry: V) => string | undefined): FileOrderedIndex<V> {
    return new FileOrderedIndex(groupBy(entries, keyOf), new Map());
  }

  get(key: string): readonly V[] | undefined {
    const override = this.overrides.get(key);
    const list = override !== undefined ? override : this.base.get(key);
    return list && list.length > 0 ? list : undefined;
  }

  /** This index with one file's entries replaced by `entries` (that file's new ones, in order). */
  withFile(uri: string, removed: readonly V[], entries: readonly V[], keyOf: (entry: V) => string | undefined): FileOrderedIndex<V> {
    const added = groupBy(entries, keyOf);
    const touched = new Set(added.keys());
    for (const entry of removed) {
      const key = keyOf(entry);
      if (key !== undefined) touched.add(key);
    }
    if (touched.size === 0) return this;
    const overrides = new Map(this.overrides);
    for (const key of touched) overrides.set(key, spliceFile(this.get(key) ?? [], uri, added.get(key) ?? []));
    if (overrides.size <= MAX_OVERRIDES) return new FileOrderedIndex(this.base, overrides);
    const flat = new Map(this.base);
    for (const [key, list] of overrides) {
      if (list.length > 0) flat.set(key, list);
      else flat.delete(key);
    }
    return new FileOrderedIndex(flat, new Map());
  }
}

/** `list` without the entries of `uri`, with `entries` where that file sorts. */
export function spliceFile<V extends FromFile>(list: readonly V[], uri: string, entries: readonly V[]): V[] {
  const kept = list.filter((entry) => entry.file.uri !== uri);
  let at = kept.findIndex((entry) => entry.file.uri > uri);
  if (at < 0) at = kept.length;
  // Not splice(at, 0, ...entries): a hostile file's hundred thousand entries would
  // overflow the argument stack.
  return [...kept.slice(0, at), ...entries, ...kept.slice(at)];
}

/** Values by key, each list in the order the values came; values without a key are left out. */
export function groupBy<K, V>(values: Iterable<V>, keyOf: (value: V) => K | undefined): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
