/**
 * Go to definition, find references, rename and document highlights (spec §7
 * "Navigation"). Every feature starts from `symbolAt` and reads the citation index of
 * the workspace model, so they agree with the `unknown-*` rules on what cites what.
 *
 * - person, evidence, audit, risk and nonconformity ids: definition ↔ citations, across
 *   every file of the workspace; these can be renamed.
 * - control ids: a citation (in a risk or a nonconformity) leads to the control's SoA
 *   entry; the references of a control are its SoA entries and every risk and
 *   nonconformity citing it. Control and clause ids belong to the standard: no rename.
 */
import { parse as parseYaml, type Scalar } from 'yaml';
import {
  DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range, type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { PERSON_ID_LIKE, SECTION_OF_KIND, type Citation, type IdKind, type RefKind } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import { escapeInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { idLocation, idOffsets, idRange, rangeOfOffsets, sortLocations } from './idRanges';
import { symbolAt, type SymbolAt } from './symbolAt';

/** Why a rename was refused; the LSP layer shows `message` to the user. */
export type RenameErrorReason = 'not-renamable' | 'empty' | 'invalid' | 'taken' | 'auditor';

/**
 * A rename that cannot be done, with a message a person can act on. The message quotes
 * the old id and the new name as written; acting and invisible characters in them are
 * shown as escapes.
 */
export class RenameError extends Error {
  constructor(readonly reason: RenameErrorReason, message: string) {
    super(escapeInvisible(message));
    this.name = 'RenameError';
  }
}

/** What the cursor is on, resolved to a file and a symbol. */
interface Resolved {
  file: IsmsFile;
  symbol: SymbolAt;
}

function resolve(ws: IsmsWorkspace, uri: string, pos: Position): Resolved | undefined {
  const file = ws.file(uri);
  if (!file) return undefined;
  const symbol = symbolAt(ws.model, file, file.lines.offsetAt(pos));
  return symbol && { file, symbol };
}

export function isIdKind(kind: RefKind): kind is IdKind {
  return Object.prototype.hasOwnProperty.call(SECTION_OF_KIND, kind);
}

/** True for the citation that *is* a SoA entry's `id` (the control's declaration in this ISMS). */
export function isSoaEntryCitation(citation: Citation): boolean {
  return citation.kind === 'control' && citation.section === 'soa' && citation.field === 'id';
}

function locations(pairs: readonly { file: IsmsFile; node: Scalar | undefined }[]): Location[] {
  const out: Location[] = [];
  for (const { file, node } of pairs) {
    const location = node && idLocation(file, node);
    if (location) out.push(location);
  }
  return out;
}

/** The places where an id is declared: its items, or for a control its SoA entries. */
function declarationsOf(model: WorkspaceModel, kind: RefKind, id: string): Location[] {
  if (isIdKind(kind)) return locations(model.itemsWithId(kind, id).map((item) => ({ file: item.file, node: item.idNode })));
  if (kind === 'control') return locations(model.soaEntriesFor(id).map((entry) => ({ file: entry.file, node: entry.idNode })));
  return [];
}

/**
 * Where the symbol under the cursor is defined. A cited id leads to its definition(s)
 * (several when the id is a duplicate); a control id leads to its SoA entry; on a
 * definition or a SoA entry, the answer is the definition itself.
 */
export function getDefinition(ws: IsmsWorkspace, uri: string, pos: Position): Location[] {
  const at = resolve(ws, uri, pos);
  if (!at) return [];
  const { symbol } = at;
  if (symbol.role !== 'citation') return locations([{ file: at.file, node: symbol.node }]);
  return sortLocations(declarationsOf(ws.model, symbol.kind, symbol.id));
}

/**
 * Every place that cites the symbol under the cursor, in every file of the workspace;
 * with `includeDeclaration`, its definitions too. For a control: its SoA entries
 * (the declarations) and every risk and nonconformity citing it.
 */
export function getReferences(ws: IsmsWorkspace, uri: string, pos: Position, includeDeclaration: boolean): Location[] {
  const at = resolve(ws, uri, pos);
  if (!at) return [];
  const { kind, id } = at.symbol;
  const model = ws.model;
  const out: Location[] = [];
  if (includeDeclaration && isIdKind(kind)) out.push(...declarationsOf(model, kind, id));
  for (const citation of model.citationsOf(kind, id)) {
    if (!includeDeclaration && isSoaEntryCitation(citation)) continue;
    const location = idLocation(citation.file, citation.node);
    if (location) out.push(location);
  }
  return sortLocations(out);
}

/** Occurrences of the symbol under the cursor in the same file (definitions as writes). */
export function getDocumentHighlights(ws: IsmsWorkspace, uri: string, pos: Position): DocumentHighlight[] {
  const at = resolve(ws, uri, pos);
  if (!at) return [];
  const { kind, id } = at.symbol;
  const facts = ws.model.facts(at.file);
  const out: DocumentHighlight[] = [];
  const add = (node: Scalar | undefined, highlightKind: DocumentHighlightKind) => {
    const range = node && idRange(at.file, node);
    if (range) out.push({ range, kind: highlightKind });
  };
  if (isIdKind(kind)) for (const item of facts.items) if (item.kind === kind && item.id === id) add(item.idNode, DocumentHighlightKind.Write);
  for (const citation of facts.citations) {
    if (citation.kind === kind && citation.value === id) add(citation.node, isSoaEntryCitation(citation) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The id under the cursor when it can be renamed (a person, evidence, audit, risk or
 * nonconformity id, where defined or cited), with the range of its text; null elsewhere
 * (control ids and clauses are the standard's, not ours to rename). The placeholder is
 * the id as written, not escaped: it is the text the user edits into the new name.
 */
export function prepareRename(ws: IsmsWorkspace, uri: string, pos: Position): { range: Range; placeholder: string } | null {
  const at = resolve(ws, uri, pos);
  if (!at || !isIdKind(at.symbol.kind)) return null;
  const range = idRange(at.file, at.symbol.node);
  return range ? { range, placeholder: at.symbol.id } : null;
}

/** Ids that stay plain YAML strings: no quoting, no surprise as a number or boolean. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The schema's person id: lowercase, starting with a letter. */
const PERSON_ID = /^[a-z][a-z0-9._-]*$/;

const KIND_LABEL: Readonly<Record<IdKind, string>> = {
  person: 'person',
  evidence: 'evidence item',
  audit: 'audit',
  risk: 'risk',
  nonconformity: 'nonconformity',
};

/**
 * Renames the id under the cursor: its definition(s) and every citation, in every
 * file (`changes` keyed by URI). Throws a `RenameError` when the id cannot be renamed
 * or `newName` is not acceptable (empty, needs YAML quoting, already taken by the same
 * kind, or a person id that would no longer be recognised as an internal auditor).
 */
export function getRename(ws: IsmsWorkspace, uri: string, pos: Position, newName: string): WorkspaceEdit {
  const at = resolve(ws, uri, pos);
  if (!at || !isIdKind(at.symbol.kind)) {
    throw new RenameError('not-renamable', 'Only the ids of people, evidence, audits, risks and nonconformities can be renamed; control ids and clauses are fixed by ISO/IEC 27001.');
  }
  const kind = at.symbol.kind;
  const oldName = at.symbol.id;
  const model = ws.model;
  if (newName === oldName) return { changes: {} };
  validateNewName(model, kind, oldName, newName);

  const nodes: { file: IsmsFile; node: Scalar }[] = [];
  for (const item of model.itemsWithId(kind, oldName)) if (item.idNode) nodes.push({ file: item.file, node: item.idNode });
  for (const citation of model.citationsOf(kind, oldName)) nodes.push({ file: citation.file, node: citation.node });

  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const { file, node } of nodes) {
    const offsets = idOffsets(file, node);
    if (!offsets) continue;
    const key = `${file.uri}\u0000${offsets[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (changes[file.uri] ??= []).push({ range: rangeOfOffsets(file, offsets[0], offsets[1]), newText: newName });
  }
  for (const edits of Object.values(changes)) {
    edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return { changes };
}

function validateNewName(model: WorkspaceModel, kind: IdKind, oldName: string, newName: string): void {
  const label = KIND_LABEL[kind];
  if (newName.trim() === '') throw new RenameError('empty', `The new id of ${label} ${oldName} is empty; type an id.`);
  if (kind === 'person' && !PERSON_ID.test(newName)) {
    throw new RenameError('invalid', `'${newName}' is not a valid person id: use a lowercase letter followed by lowercase letters, digits, '.', '_' or '-' (e.g. j.doe).`);
  }
  if (!SAFE_ID.test(newName)) {
    throw new RenameError('invalid', `'${newName}' is not a valid id: use letters, digits, '.', '_' or '-', starting with a letter or digit, so that it needs no YAML quoting.`);
  }
  if (!readsAsString(newName)) {
    throw new RenameError('invalid', `'${newName}' would be read by YAML as a ${typeof safeParse(newName)}, not as an id; choose an id with a letter in it (e.g. ${kind === 'person' ? 'j.doe' : 'R-' + newName}).`);
  }
  if (model.itemsWithId(kind, newName).length > 0) {
    throw new RenameError('taken', `Another ${label} already has the id '${newName}'; ids must be unique across the workspace. Choose another id.`);
  }
  if (kind === 'person' && !PERSON_ID_LIKE.test(newName)) {
    const audits = model.citationsOf('person', oldName).filter((c) => c.field === 'auditor');
    if (audits.length > 0) {
      throw new RenameError('auditor', `${oldName} is the internal auditor of ${audits.length === 1 ? 'an audit' : `${audits.length} audits`}; an auditor is read as a person id only when it is one lowercase word or words joined by hyphens, and '${newName}' is not. Choose an id such as ${newName.replace(/[._]+/g, '-')}.`);
    }
  }
}

function safeParse(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

/** `12`, `1e3`, `true`, `null` are valid by the pattern but YAML reads them otherwise. */
function readsAsString(text: string): boolean {
  return safeParse(text) === text;
}
