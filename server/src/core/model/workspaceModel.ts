/**
 * The whole ISMS of one workspace folder: the merge of every file's facts, with indexes
 * by id and by cited value. Immutable once built. After an edit of one file the next
 * model is derived from the last one (`withFile`), sharing everything the file did not
 * touch, so that an edit costs that file's facts rather than a merge of the whole ISMS.
 */
import type { IsmsFile } from '../parse/ismsFile';
import { FileOrderedIndex, groupBy, spliceFile } from './fileOrderedIndex';
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

const NONE: readonly never[] = Object.freeze([]);

const idOf = (item: Item): string | undefined => item.id;
const targetOf = (citation: Citation): string => targetKey(citation.kind, citation.value);

interface ModelParts {
  files: readonly IsmsFile[];
  sectionsByName: ReadonlyMap<string, readonly SectionDef[]>;
  itemsByKind: ReadonlyMap<IdKind, readonly Item[]>;
  itemsById: ReadonlyMap<IdKind, FileOrderedIndex<Item>>;
  citationsByTarget: FileOrderedIndex<Citation> | undefined;
  soaEntries: readonly SoaEntry[];
}

export class WorkspaceModel {
  /** Files in a stable order (by URI). */
  readonly files: readonly IsmsFile[];
  private readonly sectionsByName: ReadonlyMap<string, readonly SectionDef[]>;
  private readonly itemsByKind: ReadonlyMap<IdKind, readonly Item[]>;
  /** Per kind, built on first use (a file's rules seldom need every kind). */
  private readonly itemsById: Map<IdKind, FileOrderedIndex<Item>>;
  /** Built on first use: rules look up definitions, only editor features look up citations. */
  private citationsByTarget: FileOrderedIndex<Citation> | undefined;
  private readonly soaEntriesList: readonly SoaEntry[];
  private fileIndex: Map<string, IsmsFile> | undefined;
  /** Built on first use: every control a risk or finding cites is looked up in the SoA. */
  private soaEntriesById: Map<string, SoaEntry[]> | undefined;
  /** Per kind, built on first use: "did you mean" and completion read every id of a kind. */
  private readonly distinctIds = new Map<IdKind, readonly string[]>();

  constructor(files: Iterable<IsmsFile>);
  constructor(files: Iterable<IsmsFile>, parts: ModelParts);
  constructor(files: Iterable<IsmsFile>, parts?: ModelParts) {
    if (parts) {
      this.files = parts.files;
      this.sectionsByName = parts.sectionsByName;
      this.itemsByKind = parts.itemsByKind;
      this.itemsById = new Map(parts.itemsById);
      this.citationsByTarget = parts.citationsByTarget;
      this.soaEntriesList = parts.soaEntries;
      return;
    }
    this.files = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const sectionsByName = new Map<string, SectionDef[]>();
    const itemsByKind = new Map<IdKind, Item[]>();
    for (const file of this.files) {
      const facts = factsOf(file);
      for (const section of facts.sections) push(sectionsByName, section.name, section);
      for (const item of facts.items) push(itemsByKind, item.kind, item);
    }
    this.sectionsByName = sectionsByName;
    this.itemsByKind = itemsByKind;
    this.itemsById = new Map();
    this.soaEntriesList = soaEntriesOf(sectionsByName.get('soa')?.[0]);
  }

  /**
   * This model with `file` in place of the file of the same URI. Only the sections,
   * kinds and keys that the old or the new version touch are recomputed; the result
   * equals a model built from scratch over the same files.
   */
  withFile(file: IsmsFile): WorkspaceModel {
    const at = binarySearch(this.files, file.uri);
    if (at < 0) return new WorkspaceModel([...this.files, file]);
    const old = this.files[at]!;
    if (old === file) return this;
    const before = factsOf(old);
    const after = factsOf(file);
    const files = [...this.files];
    files[at] = file;

    // Grouped once: a hostile file may hold tens of thousands of top-level keys.
    const sectionsByName = new Map(this.sectionsByName);
    const newSections = groupBy(after.sections, (section) => section.name);
    for (const name of new Set([...before.sections.map((s) => s.name), ...newSections.keys()])) {
      const list = spliceFile(this.sections(name), file.uri, newSections.get(name) ?? NONE);
      if (list.length > 0) sectionsByName.set(name, list);
      else sectionsByName.delete(name);
    }

    const itemsByKind = new Map(this.itemsByKind);
    const itemsById = new Map(this.itemsById);
    const oldItems = groupBy(before.items, (item) => item.kind);
    const newItems = groupBy(after.items, (item) => item.kind);
    for (const kind of new Set([...oldItems.keys(), ...newItems.keys()])) {
      const added = newItems.get(kind) ?? NONE;
      const list = spliceFile(this.items(kind), file.uri, added);
      if (list.length > 0) itemsByKind.set(kind, list);
      else itemsByKind.delete(kind);
      const byId = this.itemsById.get(kind);
      if (byId) itemsById.set(kind, byId.withFile(file.uri, oldItems.get(kind) ?? NONE, added, idOf));
    }

    const citationsByTarget = this.citationsByTarget?.withFile(file.uri, before.citations, after.citations, targetOf);
    const oldSoa = this.singleton('soa');
    const newSoa = sectionsByName.get('soa')?.[0];
    const soaEntries = oldSoa === newSoa ? this.soaEntriesList : soaEntriesOf(newSoa);
    const model = new WorkspaceModel([], { files, sectionsByName, itemsByKind, itemsById, citationsByTarget, soaEntries });
    if (this.fileIndex) model.fileIndex = new Map(this.fileIndex).set(file.uri, file);
    return model;
  }

  private byId(kind: IdKind): FileOrderedIndex<Item> {
    let byId = this.itemsById.get(kind);
    if (!byId) {
      byId = FileOrderedIndex.build(this.items(kind), idOf);
      this.itemsById.set(kind, byId);
    }
    return byId;
  }

  facts(file: IsmsFile): FileFacts {
    return factsOf(file);
  }

  /** Every definition of a top-level section, in file order. */
  sections(name: string): readonly SectionDef[] {
    return this.sectionsByName.get(name) ?? NONE;
  }

  /** The definition of a singleton section that counts (the first one). */
  singleton(name: SingletonSection): SectionDef | undefined {
    return this.sectionsByName.get(name)?.[0];
  }

  /** Every item of a kind in file order. The same array until a file with such items changes. */
  items(kind: IdKind): readonly Item[] {
    return this.itemsByKind.get(kind) ?? NONE;
  }

  /** All items with that id (more than one is a duplicate-id problem). */
  itemsWithId(kind: IdKind, id: string): readonly Item[] {
    return this.byId(kind).get(id) ?? NONE;
  }

  /** The item that counts for an id (the first definition). */
  item(kind: IdKind, id: string): Item | undefined {
    return this.byId(kind).get(id)?.[0];
  }

  /** Every id of a kind once, in the order of first definition. */
  ids(kind: IdKind): readonly string[] {
    let ids = this.distinctIds.get(kind);
    if (!ids) {
      const seen = new Set<string>();
      for (const item of this.items(kind)) if (item.id !== undefined) seen.add(item.id);
      ids = [...seen];
      this.distinctIds.set(kind, ids);
    }
    return ids;
  }

  /** Entries of the SoA that counts. */
  get soaEntries(): readonly SoaEntry[] {
    return this.soaEntriesList;
  }

  /** The SoA entries for a control id, in order. */
  soaEntriesFor(controlId: string): readonly SoaEntry[] {
    this.soaEntriesById ??= groupBy(this.soaEntriesList, (entry) => entry.id);
    return this.soaEntriesById.get(controlId) ?? NONE;
  }

  /** Every place that cites `value` as a `kind`. */
  citationsOf(kind: RefKind, value: string): readonly Citation[] {
    this.citationsByTarget ??= FileOrderedIndex.build(this.files.flatMap((file) => factsOf(file).citations), targetOf);
    return this.citationsByTarget.get(targetKey(kind, value)) ?? NONE;
  }

  fileByUri(uri: string): IsmsFile | undefined {
    this.fileIndex ??= new Map(this.files.map((file) => [file.uri, file]));
    return this.fileIndex.get(uri);
  }
}

/** The SoA is a singleton; its entries come from its first definition only
 * (a second definition is a duplicate-section error, not more controls). */
function soaEntriesOf(soa: SectionDef | undefined): readonly SoaEntry[] {
  return soa ? factsOf(soa.file).soaEntries : NONE;
}

function binarySearch(files: readonly IsmsFile[], uri: string): number {
  let lo = 0;
  let hi = files.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const probe = files[mid]!.uri;
    if (probe === uri) return mid;
    if (probe < uri) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function targetKey(kind: RefKind, value: string): string {
  return kind + '\u0000' + value;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
