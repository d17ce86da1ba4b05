/**
 * Code lenses (spec §7): one line of counts above each SoA entry ("2 risks · 1 open
 * nonconformity · 3 evidence"), each evidence item ("cited by 2 controls · 1 audit") and
 * each person ("owns 5 controls · 2 risks · verifies 1 nonconformity"). Zero counts are
 * left out; "not cited" when nothing refers to the item.
 *
 * The core stays free of any client: a lens carries the show-references command only
 * when the caller names it (the LSP layer passes `SHOW_REFERENCES_COMMAND` from
 * protocol.ts), with arguments `[uri, position, locations]`; otherwise a title alone.
 */
import type { Scalar, YAMLMap } from 'yaml';
import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { Citation, FileFacts, Item, SoaEntry } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import { scalarsOf, scalarText, stringOf } from '../parse/yamlAccess';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { idLocation, idRange, sortLocations } from './idRanges';

/** What a lens is about: enough to find it again when the editor asks for its command. */
export interface CodeLensData {
  uri: string;
  kind: 'control' | 'evidence' | 'person';
  id: string;
  /** The id's offset in the file (to tell apart two entries with one id). */
  at: number;
}

/**
 * The lenses of one file, without their commands: the editor resolves the ones it shows
 * (`resolveCodeLens`). Computing every lens's counts and reference locations up front cost
 * seconds and a response of 165 MB for an SoA of thousands of entries.
 */
export function getUnresolvedCodeLenses(ws: IsmsWorkspace, uri: string): CodeLens[] {
  const file = ws.file(uri);
  if (!file) return [];
  const out: CodeLens[] = [];
  for (const { node, kind, id } of lensTargets(ws.model.facts(file))) {
    const range = idRange(file, node);
    if (!range || !node.range) continue;
    const data: CodeLensData = { uri, kind, id, at: node.range[0] };
    out.push({ range, data });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

/**
 * A lens of `getUnresolvedCodeLenses` with its command. With `showReferencesCommand`, a
 * lens with something to show runs that command; without, and for "not cited", the
 * command id is `''` (a label). A lens whose item is gone (the file changed) gets an
 * empty title; the editor asks for new lenses after a change anyway.
 */
export function resolveCodeLens(ws: IsmsWorkspace, lens: CodeLens, showReferencesCommand?: string): CodeLens {
  const data = lens.data as Partial<CodeLensData> | undefined;
  const file = data?.uri === undefined ? undefined : ws.file(data.uri);
  if (!file || data?.uri === undefined) return { ...lens, command: { title: '', command: '' } };
  const model = ws.model;
  const facts = model.facts(file);
  let summary: Summary | undefined;
  if (data.kind === 'control') {
    const entry = facts.soaEntries.find((e) => e.id === data.id && e.idNode?.range?.[0] === data.at);
    if (entry) summary = soaEntrySummary(model, entry);
  } else if (data.kind === 'evidence' || data.kind === 'person') {
    const item = facts.items.find((i) => i.kind === data.kind && i.id === data.id && i.idNode?.range?.[0] === data.at);
    if (item) summary = item.kind === 'evidence' ? evidenceSummary(model, item) : personSummary(model, item);
  }
  if (!summary) return { ...lens, command: { title: '', command: '' } };
  const locations = sortLocations(summary.locations);
  const clickable = showReferencesCommand !== undefined && showReferencesCommand !== '' && locations.length > 0;
  return {
    range: lens.range,
    data: lens.data,
    command: clickable
      ? { title: summary.title, command: showReferencesCommand, arguments: [data.uri, lens.range.start, locations] }
      : { title: summary.title, command: '' },
  };
}

/** Every lens of one file with its command: what an editor shows once it has resolved them all (tests, the fuzzer). */
export function getCodeLenses(ws: IsmsWorkspace, uri: string, showReferencesCommand?: string): CodeLens[] {
  return getUnresolvedCodeLenses(ws, uri).map((lens) => {
    const { data: _data, ...resolved } = resolveCodeLens(ws, lens, showReferencesCommand);
    return resolved;
  });
}

/** The ids that get a lens: SoA entries, evidence items and people. */
function* lensTargets(facts: FileFacts): Iterable<{ node: Scalar; kind: CodeLensData['kind']; id: string }> {
  for (const entry of facts.soaEntries) if (entry.idNode && entry.id) yield { node: entry.idNode, kind: 'control', id: entry.id };
  for (const item of facts.items) {
    if (!item.idNode || item.id === undefined) continue;
    if (item.kind === 'evidence' || item.kind === 'person') yield { node: item.idNode, kind: item.kind, id: item.id };
  }
}

interface Summary {
  title: string;
  locations: Location[];
}

/** `2 risks · 1 open nonconformity · 3 evidence`. */
function soaEntrySummary(model: WorkspaceModel, entry: SoaEntry): Summary {
  const citations = model.citationsOf('control', entry.id!);
  const risks = distinctHolders(citations.filter((c) => c.section === 'risks'));
  const ncs = distinctHolders(citations.filter((c) => c.section === 'nonconformities'));
  const open = ncs.filter((c) => stringOf(c.holder, 'status') !== 'closed').length;
  const evidenceIds = [...new Set(scalarsOf(entry.map, 'evidence').map(scalarText))];

  const parts: string[] = [];
  if (risks.length > 0) parts.push(count(risks.length, 'risk', 'risks'));
  if (ncs.length > 0) {
    const noun = (n: number) => (n === 1 ? 'nonconformity' : 'nonconformities');
    if (open === ncs.length) parts.push(`${open} open ${noun(open)}`);
    else if (open === 0) parts.push(`${ncs.length} closed ${noun(ncs.length)}`);
    else parts.push(`${ncs.length} ${noun(ncs.length)} (${open} open)`);
  }
  if (evidenceIds.length > 0) parts.push(`${evidenceIds.length} evidence`);

  const locations: Location[] = [];
  for (const c of [...risks, ...ncs]) push(locations, idLocation(c.file, c.node));
  for (const id of evidenceIds) {
    const item = model.item('evidence', id);
    if (item?.idNode) push(locations, idLocation(item.file, item.idNode));
  }
  return { title: parts.length > 0 ? parts.join(' · ') : 'no risks, nonconformities or evidence', locations };
}

/** Who cites an evidence item: `cited by 2 controls · 1 nonconformity`. */
function evidenceSummary(model: WorkspaceModel, item: Item): Summary {
  const citations = model.citationsOf('evidence', item.id!);
  const bySection = (section: string) => distinctHolders(citations.filter((c) => c.section === section)).length;
  const parts: string[] = [];
  const controls = bySection('soa');
  if (controls > 0) parts.push(count(controls, 'control', 'controls'));
  if (bySection('organization') > 0) parts.push('the ISMS approval');
  const audits = bySection('audits');
  if (audits > 0) parts.push(count(audits, 'audit report', 'audit reports'));
  const ncs = bySection('nonconformities');
  if (ncs > 0) parts.push(count(ncs, 'nonconformity', 'nonconformities'));
  return { title: parts.length > 0 ? `cited by ${parts.join(' · ')}` : 'not cited', locations: citationLocations(citations) };
}

/** What a person is responsible for: `owns 5 controls · 2 risks · verifies 1 nonconformity`. */
function personSummary(model: WorkspaceModel, item: Item): Summary {
  const citations = model.citationsOf('person', item.id!);
  const holders = (section: string, field: string) => distinctHolders(citations.filter((c) => c.section === section && c.field === field));
  const owned: string[] = [];
  const controls = holders('soa', 'owner').length;
  if (controls > 0) owned.push(count(controls, 'control', 'controls'));
  const risks = holders('risks', 'owner').length;
  if (risks > 0) owned.push(count(risks, 'risk', 'risks'));
  const evidence = holders('evidence', 'owner').length;
  if (evidence > 0) owned.push(`${evidence} evidence`);
  const remediates = holders('nonconformities', 'owner').length;
  if (remediates > 0) owned.push(count(remediates, 'nonconformity', 'nonconformities'));

  const parts: string[] = [];
  if (owned.length > 0) parts.push(`owns ${owned.join(' · ')}`);
  const verifies = holders('nonconformities', 'verifiedBy').length;
  if (verifies > 0) parts.push(`verifies ${count(verifies, 'nonconformity', 'nonconformities')}`);
  const audits = holders('audits', 'auditor').length;
  if (audits > 0) parts.push(`auditor of ${count(audits, 'audit', 'audits')}`);
  const approves: string[] = [];
  if (holders('organization', 'approvedBy').length > 0) approves.push('the ISMS');
  if (holders('soa', 'approvedBy').length > 0) approves.push('the SoA');
  if (approves.length > 0) parts.push(`approves ${approves.join(' and ')}`);
  return { title: parts.length > 0 ? parts.join(' · ') : 'not cited', locations: citationLocations(citations) };
}

/** One citation per holding map: an NC citing the same evidence twice counts once. */
function distinctHolders(citations: readonly Citation[]): Citation[] {
  const seen = new Set<YAMLMap>();
  return citations.filter((c) => (seen.has(c.holder) ? false : (seen.add(c.holder), true)));
}

function citationLocations(citations: readonly Citation[]): Location[] {
  const out: Location[] = [];
  for (const c of citations) push(out, idLocation(c.file, c.node));
  return out;
}

function push(out: Location[], location: Location | undefined): void {
  if (location) out.push(location);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
