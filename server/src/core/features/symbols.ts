/**
 * Document symbols (the outline and breadcrumbs) and workspace symbols (spec §7).
 *
 * Outline: one symbol per top-level section; below a list section, its items by id with
 * their title or name as detail; below `soa`, its entries as `A.5.1 Policies for
 * information security` with applicability and status as detail.
 *
 * Workspace symbols: every id of every workspace, and the SoA entries by control id or
 * title words, matched loosely (substring, word prefixes, ignoring punctuation).
 *
 * Names, details and containers quote ids, titles and file names as the editor shows
 * them, in the outline, breadcrumbs and symbol search: acting and invisible characters in
 * them are shown as escapes (a bidi override would make one id read as another). Queries
 * are matched against the values as written.
 */
import { isMap, isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import { getControl, searchControls } from '../catalog/index';
import { LIST_SECTIONS, type IdKind, type Item, type SoaEntry } from '../model/facts';
import type { IsmsFile } from '../parse/ismsFile';
import { firstKeyOf, scalarOf, scalarText, stringOf, trimmedRangeOf } from '../parse/yamlAccess';
import { relativePath } from '../uri';
import { escapeInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { idRange, rangeOfOffsets } from './idRanges';

/** At most this many workspace symbols per request: the client filters further. */
export const MAX_WORKSPACE_SYMBOLS = 500;

const SECTION_KIND: Readonly<Record<string, SymbolKind>> = {
  isms: SymbolKind.Property,
  organization: SymbolKind.Namespace,
  scope: SymbolKind.Namespace,
  certificationBody: SymbolKind.Namespace,
  certificate: SymbolKind.Namespace,
  soa: SymbolKind.Module,
  people: SymbolKind.Array,
  risks: SymbolKind.Array,
  evidence: SymbolKind.Array,
  audits: SymbolKind.Array,
  nonconformities: SymbolKind.Array,
};

const ITEM_KIND: Readonly<Record<IdKind, SymbolKind>> = {
  person: SymbolKind.Object,
  risk: SymbolKind.Event,
  evidence: SymbolKind.File,
  audit: SymbolKind.Struct,
  nonconformity: SymbolKind.Key,
};

// ── Outline ──────────────────────────────────────────────────────────────

/** The outline of one file. */
export function getDocumentSymbols(ws: IsmsWorkspace, uri: string): DocumentSymbol[] {
  const file = ws.file(uri);
  if (!file?.root) return [];
  const facts = ws.model.facts(file);
  const out: DocumentSymbol[] = [];
  for (const pair of file.root.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = scalarText(pair.key);
    if (name === '') continue;
    const value = (pair.value ?? null) as Node | null;
    const selectionRange = rangeOfNode(file, pair.key)!;
    const range = spanning(file, pair.key, value) ?? selectionRange;
    const symbol: DocumentSymbol = { name: escapeInvisible(name), kind: SECTION_KIND[name] ?? SymbolKind.Property, range, selectionRange };
    const detail = sectionDetail(name, value);
    if (detail) symbol.detail = escapeInvisible(detail);
    if (LIST_SECTIONS[name]) {
      const items = facts.items.filter((item) => item.map && isInside(item.map, value));
      symbol.children = items.map((item) => itemSymbol(file, item));
    } else if (name === 'soa') {
      const entries = facts.soaEntries.filter((entry) => isInside(entry.map, value));
      symbol.children = entries.map((entry) => soaEntrySymbol(file, entry));
    }
    out.push(symbol);
  }
  return out;
}

function itemSymbol(file: IsmsFile, item: Item): DocumentSymbol {
  const range = rangeOfNode(file, item.map)!;
  const anchor = item.idNode ?? firstKeyOf(item.map);
  const selectionRange = (anchor && idRange(file, anchor)) ?? { start: range.start, end: range.start };
  const symbol: DocumentSymbol = { name: escapeInvisible(itemName(item)), kind: ITEM_KIND[item.kind], range, selectionRange };
  const detail = itemDetail(item);
  if (detail) symbol.detail = escapeInvisible(detail);
  return symbol;
}

function soaEntrySymbol(file: IsmsFile, entry: SoaEntry): DocumentSymbol {
  const range = rangeOfNode(file, entry.map)!;
  const anchor = entry.idNode ?? firstKeyOf(entry.map);
  const selectionRange = (anchor && idRange(file, anchor)) ?? { start: range.start, end: range.start };
  const symbol: DocumentSymbol = { name: escapeInvisible(soaEntryName(entry)), kind: SymbolKind.EnumMember, range, selectionRange };
  const detail = soaEntryDetail(entry.map);
  if (detail) symbol.detail = escapeInvisible(detail);
  return symbol;
}

function itemName(item: Item): string {
  if (item.id !== undefined && item.id.trim() !== '') return item.id;
  // VS Code drops the whole outline for a symbol with an empty name.
  const written = item.idNode && item.idNode.value !== null ? scalarText(item.idNode).trim() : '';
  return written !== '' ? written : '(no id)';
}

/** `A.5.1 Policies for information security`; the id alone when it is not a 2022 control. */
function soaEntryName(entry: SoaEntry): string {
  if (entry.id === undefined || entry.id.trim() === '') return '(no id)';
  const control = getControl(entry.id);
  return control ? `${control.id} ${control.title}` : entry.id;
}

/** `applicable · implemented`, `not applicable`. */
function soaEntryDetail(map: YAMLMap): string | undefined {
  const applicable = scalarOf(map, 'applicable')?.value;
  const status = stringOf(map, 'status');
  const parts: string[] = [];
  if (applicable === true) parts.push('applicable');
  else if (applicable === false) parts.push('not applicable');
  if (status) parts.push(status);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** A one-line description of an item: its name or title, or what identifies it. */
export function itemDetail(item: Item): string | undefined {
  const map = item.map;
  switch (item.kind) {
    case 'person':
      return oneLine(stringOf(map, 'name'));
    case 'risk':
    case 'evidence':
      return oneLine(stringOf(map, 'title'));
    case 'audit':
      return joinParts([stringOf(map, 'type'), textOf(map, 'date'), stringOf(map, 'status')]);
    case 'nonconformity': {
      const about = textOf(map, 'control') ?? (textOf(map, 'clause') !== undefined ? `clause ${textOf(map, 'clause')}` : undefined);
      const head = joinParts([stringOf(map, 'severity'), stringOf(map, 'status'), about]);
      const description = oneLine(stringOf(map, 'description'), 60);
      return head && description ? `${head}: ${description}` : head ?? description;
    }
  }
}

function sectionDetail(name: string, value: Node | null): string | undefined {
  if (isScalar(value)) return oneLine(scalarText(value));
  if (!isMap(value)) return undefined;
  switch (name) {
    case 'organization':
    case 'certificationBody':
      return oneLine(stringOf(value, 'name'));
    case 'certificate':
      return joinParts([stringOf(value, 'number'), textOf(value, 'expires') && `expires ${textOf(value, 'expires')}`]);
    case 'soa': {
      const revision = textOf(value, 'revision');
      return revision !== undefined ? `revision ${revision}` : undefined;
    }
    default:
      return undefined;
  }
}

function textOf(map: unknown, key: string): string | undefined {
  const node = scalarOf(map, key);
  return node && node.value !== null ? scalarText(node) : undefined;
}

function joinParts(parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => !!p && p.trim() !== '');
  return present.length > 0 ? present.join(' · ') : undefined;
}

function oneLine(text: string | undefined, max = 80): string | undefined {
  if (text === undefined) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function rangeOfNode(file: IsmsFile, node: Node): Range | undefined {
  const r = trimmedRangeOf(node, file.text);
  return r && rangeOfOffsets(file, r[0], r[1]);
}

/** From the key to the end of the value (without trailing blank lines and comments). */
function spanning(file: IsmsFile, key: Scalar, value: Node | null): Range | undefined {
  const start = key.range?.[0];
  const keyEnd = key.range?.[1];
  if (start === undefined || keyEnd === undefined) return undefined;
  const end = value ? trimmedRangeOf(value, file.text)?.[1] ?? keyEnd : keyEnd;
  return rangeOfOffsets(file, start, Math.max(end, keyEnd));
}

function isInside(node: Node, container: Node | null): boolean {
  const r = node.range;
  const c = container?.range;
  return !!r && !!c && c[0] <= r[0] && r[1] <= c[2];
}

// ── Workspace symbols ─────────────────────────────────────────────────────

interface Candidate {
  info: SymbolInformation;
  score: number;
}

/**
 * Symbols of every workspace matching `query`: ids of people, risks, evidence, audits
 * and nonconformities (by id or by title/name), and SoA entries (by control id or title
 * words: "access" finds `A.5.15 Access control`). Best matches first, at most
 * `MAX_WORKSPACE_SYMBOLS`. An empty query lists everything up to the cap.
 */
export function getWorkspaceSymbols(workspaces: readonly IsmsWorkspace[], query: string): SymbolInformation[] {
  const matcher = new QueryMatcher(query);
  const controlHits = new Set(matcher.empty ? [] : searchControls(query).map((c) => c.id));
  const found: Candidate[] = [];
  for (const ws of workspaces) {
    const model = ws.model;
    for (const file of model.files) {
      const container = escapeInvisible(relativePath(ws.folderUri, file.uri));
      const facts = model.facts(file);
      for (const item of facts.items) {
        if (item.id === undefined || item.id.trim() === '' || !item.idNode) continue;
        const detail = itemDetail(item);
        const score = matcher.score(item.id, detail);
        if (score === undefined) continue;
        const range = idRange(file, item.idNode);
        if (!range) continue;
        const name = escapeInvisible(detail ? `${item.id} — ${detail}` : item.id);
        found.push({ score, info: { name, kind: ITEM_KIND[item.kind], location: { uri: file.uri, range }, containerName: `${sectionOf(item.kind)} · ${container}` } });
      }
      for (const entry of facts.soaEntries) {
        if (entry.id === undefined || !entry.idNode) continue;
        const control = getControl(entry.id);
        let score = matcher.score(entry.id, control?.title);
        if (score === undefined && controlHits.has(entry.id)) score = 3;
        if (score === undefined) continue;
        const range = idRange(file, entry.idNode);
        if (!range) continue;
        found.push({ score, info: { name: escapeInvisible(soaEntryName(entry)), kind: SymbolKind.EnumMember, location: { uri: file.uri, range }, containerName: `soa · ${container}` } });
      }
    }
  }
  found.sort((a, b) => a.score - b.score || compareText(a.info.name, b.info.name));
  return found.slice(0, MAX_WORKSPACE_SYMBOLS).map((c) => c.info);
}

function sectionOf(kind: IdKind): string {
  for (const [section, k] of Object.entries(LIST_SECTIONS)) if (k === kind) return section;
  return kind;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Loose matching, lower scores better: 0 the id exactly, 1 an id prefix, 2 the id
 * contains the query (ignoring case and punctuation: `ev001` finds `EV-001`), 3 every
 * query word starts a word of the title (or the id), 4 the title contains the query.
 */
class QueryMatcher {
  private readonly lower: string;
  private readonly compact: string;
  private readonly words: string[];
  readonly empty: boolean;

  constructor(query: string) {
    this.lower = query.trim().toLowerCase();
    this.compact = compactOf(this.lower);
    this.words = wordsOf(this.lower);
    this.empty = this.lower === '';
  }

  score(id: string, title: string | undefined): number | undefined {
    if (this.empty) return 5;
    const idLower = id.toLowerCase();
    if (idLower === this.lower) return 0;
    if (idLower.startsWith(this.lower)) return 1;
    if (idLower.includes(this.lower) || (this.compact !== '' && compactOf(idLower).includes(this.compact))) return 2;
    if (title === undefined) return undefined;
    const titleWords = wordsOf(title.toLowerCase());
    if (this.words.length > 0 && this.words.every((w) => titleWords.some((t) => t.startsWith(w)) || idLower.startsWith(w))) return 3;
    const titleLower = title.toLowerCase();
    if (titleLower.includes(this.lower) || (this.compact.length >= 3 && compactOf(titleLower).includes(this.compact))) return 4;
    return undefined;
  }
}

function compactOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}
