/**
 * The whole ISMS of one workspace folder: the merge of every file's facts, with indexes
 * by id and by cited value. Immutable once built; rebuilt (cheaply, from cached per-file
 * facts) when a file changes.
 */
import type { IsmsFile } from '../parse/ismsFile';
import {
  extractFacts, type Citation, type FileFacts, type IdKind, type Item, type RefKind, type SectionDef,
  type SingletonSection, type SoaEntry,
} from './facts';

const factsCache = new WeakMap<IsmsFile, FileFacts>();

/** Facts of one file, computed once per parsed version. */
export function factsOf(file: IsmsFile): FileFacts {
  let facts = factsCache.get(file);
  if (!facts) {
    facts = extractFacts(file);
    factsCache.set(file, facts);
  }
  return facts;
}

export class WorkspaceModel {
  /** Files in a stable order (by URI). */
  readonly files: readonly IsmsFile[];
  private readonly sectionsByName = new Map<string, SectionDef[]>();
  private readonly itemsByKind = new Map<IdKind, Item[]>();
  /** Per kind, built on first use (a file's rules seldom need every kind). */
  private readonly itemsById = new Map<IdKind, Map<string, Item[]>>();
  /** Built on first use: rules look up definitions, only editor features look up citations. */
  private citationsByTarget: Map<string, Citation[]> | undefined;
  private readonly soaEntriesList: SoaEntry[] = [];

  constructor(files: Iterable<IsmsFile>) {
    this.files = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const file of this.files) {
      const facts = factsOf(file);
      for (const section of facts.sections) push(this.sectionsByName, section.name, section);
      for (const item of facts.items) push(this.itemsByKind, item.kind, item);
    }
    // The SoA is a singleton; its entries come from its first definition only
    // (a second definition is a duplicate-section error, not more controls).
    const soa = this.singleton('soa');
    if (soa) this.soaEntriesList.push(...factsOf(soa.file).soaEntries);
  }

  private byId(kind: IdKind): Map<string, Item[]> {
    let byId = this.itemsById.get(kind);
    if (!byId) {
      byId = new Map();
      for (const item of this.items(kind)) if (item.id !== undefined) push(byId, item.id, item);
      this.itemsById.set(kind, byId);
    }
    return byId;
  }

  facts(file: IsmsFile): FileFacts {
    return factsOf(file);
  }

  /** Every definition of a top-level section, in file order. */
  sections(name: string): readonly SectionDef[] {
    return this.sectionsByName.get(name) ?? [];
  }

  /** The definition of a singleton section that counts (the first one). */
  singleton(name: SingletonSection): SectionDef | undefined {
    return this.sectionsByName.get(name)?.[0];
  }

  items(kind: IdKind): readonly Item[] {
    return this.itemsByKind.get(kind) ?? [];
  }

  /** All items with that id (more than one is a duplicate-id problem). */
  itemsWithId(kind: IdKind, id: string): readonly Item[] {
    return this.byId(kind).get(id) ?? [];
  }

  /** The item that counts for an id (the first definition). */
  item(kind: IdKind, id: string): Item | undefined {
    return this.byId(kind).get(id)?.[0];
  }

  ids(kind: IdKind): IterableIterator<string> {
    return this.byId(kind).keys();
  }

  /** Entries of the SoA that counts. */
  get soaEntries(): readonly SoaEntry[] {
    return this.soaEntriesList;
  }

  /** The SoA entries for a control id, in order. */
  soaEntriesFor(controlId: string): SoaEntry[] {
    return this.soaEntriesList.filter((entry) => entry.id === controlId);
  }

  /** Every place that cites `value` as a `kind`. */
  citationsOf(kind: RefKind, value: string): readonly Citation[] {
    if (!this.citationsByTarget) {
      this.citationsByTarget = new Map();
      for (const file of this.files) {
        for (const citation of factsOf(file).citations) push(this.citationsByTarget, targetKey(citation.kind, citation.value), citation);
      }
    }
    return this.citationsByTarget.get(targetKey(kind, value)) ?? [];
  }

  fileByUri(uri: string): IsmsFile | undefined {
    return this.files.find((file) => file.uri === uri);
  }
}

function targetKey(kind: RefKind, value: string): string {
  return kind + '\u0000' + value;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
