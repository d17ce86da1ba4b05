/**
 * The data every report reads, collected once from the workspace model: plain values
 * (trimmed strings, numbers), people resolved to names, evidence resolved to titles and
 * links, the 93 controls in Annex A order with their SoA entries, registers sorted by id.
 * Renderers never touch YAML nodes, so the three reports cannot disagree.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { CONTROLS, getClause, getControl, isControlId, type Control } from '../catalog/index';
import { compareDates, daysBetween, formatDate, parseDate, type CalendarDate } from '../dates';
import type { Item } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import { mapOf, mapsOf, scalarOf, scalarText, scalarsOf, valueOf } from '../parse/yamlAccess';
import { dirnameUri, joinUri, relativePath, isUriInside } from '../uri';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { hasInvisible } from '../visibleText';

export interface PersonRef {
  id: string;
  /** The person's name, or the id when the person is not defined. */
  name: string;
  known: boolean;
}

export interface EvidenceRef {
  id: string;
  known: boolean;
  title?: string;
  /** The link as written. */
  link?: string;
  /** What to show: an https/http URL, a path relative to the workspace folder, or the link as written. */
  location?: string;
  /** Only for `https:` links: safe to make clickable. */
  href?: string;
  collected?: string;
  /** Days between `collected` and the report's "today". */
  ageDays?: number;
  stale: boolean;
}

export interface ControlRef {
  id: string;
  /** Annex A title; undefined for an id that is not a 2022 control. */
  title?: string;
}

export interface SoaRow {
  control: Control;
  addressed: boolean;
  applicable?: boolean;
  justification?: string;
  reasons: string[];
  status?: string;
  owner?: PersonRef;
  evidence: EvidenceRef[];
}

export interface SoaSummary {
  total: number;
  addressed: number;
  notAddressed: number;
  applicable: number;
  excluded: number;
  implemented: number;
  partiallyImplemented: number;
  planned: number;
  notImplemented: number;
  /** Applicable controls without a status. */
  noStatus: number;
  /** Addressed controls without a justification. */
  noJustification: number;
}

export interface ScopeData {
  statement?: string;
  dataCategories: string[];
  locations: string[];
  systems: string[];
  exclusions: { item: string; justification?: string }[];
}

export interface RiskRow {
  id: string;
  title?: string;
  likelihood?: number;
  impact?: number;
  /** likelihood × impact, when both are numbers. */
  score?: number;
  treatment?: string;
  controls: ControlRef[];
  owner?: PersonRef;
}

export interface AuditRef {
  id: string;
  known: boolean;
  type?: string;
  date?: string;
  status?: string;
  auditor?: string;
}

export interface NcRow {
  id: string;
  audit?: AuditRef;
  severity?: string;
  control?: ControlRef;
  clause?: { id: string; title?: string };
  description?: string;
  raised?: string;
  due?: string;
  status?: string;
  /** Not closed and past its due date. */
  overdue: boolean;
  actionPlan?: string;
  owner?: PersonRef;
  verifiedBy?: PersonRef;
  correctionEvidence: EvidenceRef[];
  remediationEvidence: EvidenceRef[];
}

export interface ReportModel {
  /** The date printed on the report. */
  generatedOn: string;
  /** "Today" for staleness and overdue (the workspace's clock). */
  asOf: string;
  organization: {
    name?: string;
    approval?: { by?: PersonRef; date?: string; budget?: string; evidence: EvidenceRef[] };
  };
  scope?: ScopeData;
  soa: {
    present: boolean;
    revision?: string;
    approvedBy?: PersonRef;
    approvedOn?: string;
    /** All 93 controls, Annex A order. */
    rows: SoaRow[];
    summary: SoaSummary;
  };
  risks: RiskRow[];
  nonconformities: NcRow[];
  /** The audit programme, by date then id. */
  audits: AuditRef[];
  /** The evidence register, sorted by id. */
  evidence: EvidenceRef[];
  certificationBody?: { name?: string; accreditation?: string; accreditationNumber?: string };
  certificate?: { number?: string; issued?: string; expires?: string };
  evidenceMaxAgeDays: number;
}

export function collectReportModel(ws: IsmsWorkspace, generatedOn: string): ReportModel {
  const model = ws.model;
  const today = ws.today();
  const maxAge = ws.settings.evidenceMaxAgeDays;

  const evidenceRef = (id: string): EvidenceRef => {
    const item = model.item('evidence', id);
    if (!item) return { id, known: false, stale: false };
    const link = text(item.map, 'link');
    const collected = text(item.map, 'collected');
    const collectedDate = parseDate(collected);
    const ageDays = collectedDate ? daysBetween(collectedDate, today) : undefined;
    return {
      id,
      known: true,
      title: text(item.map, 'title'),
      link,
      location: link !== undefined ? displayLocation(ws.folderUri, item, link) : undefined,
      href: link !== undefined && SAFE_HTTPS.test(link) && !hasInvisible(link) ? link : undefined,
      collected,
      ageDays,
      stale: ageDays !== undefined && ageDays > maxAge,
    };
  };
  const person = (id: string | undefined): PersonRef | undefined => {
    if (id === undefined) return undefined;
    const item = model.item('person', id);
    const name = text(item?.map, 'name');
    return { id, name: name ?? id, known: item !== undefined };
  };
  const evidenceList = (map: unknown, key: string): EvidenceRef[] => scalarsOf(map, key).map((s) => evidenceRef(scalarText(s).trim()));

  const organization = model.singleton('organization')?.value;
  const approvalMap = mapOf(organization, 'approval');
  const soaSection = model.singleton('soa');
  const rows = soaRows(model, person, evidenceList);
  const certificationBody = model.singleton('certificationBody')?.value;
  const certificate = model.singleton('certificate')?.value;

  return {
    generatedOn,
    asOf: formatDate(today),
    organization: {
      name: text(organization, 'name'),
      approval: approvalMap
        ? { by: person(text(approvalMap, 'approvedBy')), date: text(approvalMap, 'date'), budget: text(approvalMap, 'budget'), evidence: evidenceList(approvalMap, 'evidence') }
        : undefined,
    },
    scope: scopeData(model),
    soa: {
      present: soaSection !== undefined,
      revision: text(soaSection?.value, 'revision'),
      approvedBy: person(text(soaSection?.value, 'approvedBy')),
      approvedOn: text(soaSection?.value, 'approvedOn'),
      rows,
      summary: summarize(rows),
    },
    risks: model.items('risk').map((item) => riskRow(item, person)).sort(byId),
    nonconformities: model.items('nonconformity').map((item) => ncRow(model, item, today, person, evidenceList)).sort(byId),
    audits: model.items('audit').flatMap((item) => (item.id !== undefined ? [auditRef(model, item.id)] : [])).sort(byDateThenId),
    evidence: uniqueIds(model.items('evidence')).map(evidenceRef).sort(byId),
    certificationBody: isMap(certificationBody)
      ? { name: text(certificationBody, 'name'), accreditation: text(certificationBody, 'accreditation'), accreditationNumber: text(certificationBody, 'accreditationNumber') }
      : undefined,
    certificate: isMap(certificate) ? { number: text(certificate, 'number'), issued: text(certificate, 'issued'), expires: text(certificate, 'expires') } : undefined,
    evidenceMaxAgeDays: maxAge,
  };
}

/**
 * An https URL without characters that could break out of an attribute or a Markdown link
 * (and, checked apart, without invisible ones, which would reach a terminal raw in an href).
 */
const SAFE_HTTPS = /^https:\/\/[^\s<>"'`\\]+$/i;

/** A relative link as a path from the workspace folder (the way people find the file); anything else as written. */
function displayLocation(folderUri: string, item: Item, link: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/') || link.startsWith('\\')) return link;
  const target = joinUri(dirnameUri(item.file.uri), link.split('#')[0]!);
  return isUriInside(target, folderUri) ? relativePath(folderUri, target) : link;
}

function soaRows(
  model: WorkspaceModel,
  person: (id: string | undefined) => PersonRef | undefined,
  evidenceList: (map: unknown, key: string) => EvidenceRef[],
): SoaRow[] {
  // The first entry of a control counts (a second one is a duplicate-control error).
  const entries = new Map<string, (typeof model.soaEntries)[number]>();
  for (const entry of model.soaEntries) {
    if (entry.id !== undefined && isControlId(entry.id) && !entries.has(entry.id)) entries.set(entry.id, entry);
  }
  return CONTROLS.map((control) => {
    const entry = entries.get(control.id);
    if (!entry) return { control, addressed: false, reasons: [], evidence: [] };
    const applicable = scalarOf(entry.map, 'applicable')?.value;
    return {
      control,
      addressed: true,
      applicable: typeof applicable === 'boolean' ? applicable : undefined,
      justification: text(entry.map, 'justification'),
      reasons: list(entry.map, 'reasons'),
      status: text(entry.map, 'status'),
      owner: person(text(entry.map, 'owner')),
      evidence: evidenceList(entry.map, 'evidence'),
    };
  });
}

function summarize(rows: readonly SoaRow[]): SoaSummary {
  const count = (predicate: (row: SoaRow) => boolean): number => rows.filter(predicate).length;
  const applicable = (row: SoaRow): boolean => row.addressed && row.applicable === true;
  return {
    total: rows.length,
    addressed: count((r) => r.addressed),
    notAddressed: count((r) => !r.addressed),
    applicable: count(applicable),
    excluded: count((r) => r.addressed && r.applicable === false),
    implemented: count((r) => applicable(r) && r.status === 'implemented'),
    partiallyImplemented: count((r) => applicable(r) && r.status === 'partially-implemented'),
    planned: count((r) => applicable(r) && r.status === 'planned'),
    notImplemented: count((r) => applicable(r) && r.status === 'not-implemented'),
    noStatus: count((r) => applicable(r) && r.status === undefined),
    noJustification: count((r) => r.addressed && r.justification === undefined),
  };
}

function scopeData(model: WorkspaceModel): ScopeData | undefined {
  const scope = model.singleton('scope');
  if (!scope) return undefined;
  return {
    statement: text(scope.value, 'statement'),
    dataCategories: list(scope.value, 'dataCategories'),
    locations: list(scope.value, 'locations'),
    systems: list(scope.value, 'systems'),
    exclusions: mapsOf(valueOf(scope.value, 'exclusions')).flatMap((m) => {
      const item = text(m, 'item');
      return item === undefined ? [] : [{ item, justification: text(m, 'justification') }];
    }),
  };
}

function riskRow(item: Item, person: (id: string | undefined) => PersonRef | undefined): RiskRow {
  const likelihood = number(item.map, 'likelihood');
  const impact = number(item.map, 'impact');
  return {
    id: item.id ?? '',
    title: text(item.map, 'title'),
    likelihood,
    impact,
    score: likelihood !== undefined && impact !== undefined ? likelihood * impact : undefined,
    treatment: text(item.map, 'treatment'),
    controls: list(item.map, 'controls').map(controlRef),
    owner: person(text(item.map, 'owner')),
  };
}

function ncRow(
  model: WorkspaceModel,
  item: Item,
  today: CalendarDate,
  person: (id: string | undefined) => PersonRef | undefined,
  evidenceList: (map: unknown, key: string) => EvidenceRef[],
): NcRow {
  const auditId = text(item.map, 'audit');
  const status = text(item.map, 'status');
  const due = text(item.map, 'due');
  const dueDate = parseDate(due);
  const controlId = text(item.map, 'control');
  const clauseId = text(item.map, 'clause');
  return {
    id: item.id ?? '',
    audit: auditId === undefined ? undefined : auditRef(model, auditId),
    severity: text(item.map, 'severity'),
    control: controlId !== undefined ? controlRef(controlId) : undefined,
    clause: clauseId !== undefined ? { id: clauseId, title: getClause(clauseId)?.title } : undefined,
    description: text(item.map, 'description'),
    raised: text(item.map, 'raised'),
    due,
    status,
    overdue: status !== undefined && status !== 'closed' && !!dueDate && compareDates(dueDate, today) < 0,
    actionPlan: text(item.map, 'actionPlan'),
    owner: person(text(item.map, 'owner')),
    verifiedBy: person(text(item.map, 'verifiedBy')),
    correctionEvidence: evidenceList(item.map, 'correctionEvidence'),
    remediationEvidence: evidenceList(item.map, 'remediationEvidence'),
  };
}

function auditRef(model: WorkspaceModel, id: string): AuditRef {
  const item = model.item('audit', id);
  return {
    id,
    known: item !== undefined,
    type: text(item?.map, 'type'),
    date: text(item?.map, 'date'),
    status: text(item?.map, 'status'),
    auditor: text(item?.map, 'auditor'),
  };
}

function byDateThenId(a: AuditRef, b: AuditRef): number {
  const x = a.date ?? '';
  const y = b.date ?? '';
  return x < y ? -1 : x > y ? 1 : compareIds(a.id, b.id);
}

function controlRef(id: string): ControlRef {
  return { id, title: getControl(id)?.title };
}

/** A scalar as trimmed text (numbers and booleans as written); blank reads as undefined. */
function text(map: unknown, key: string): string | undefined {
  const node = valueOf(map, key);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const value = scalarText(node).trim();
  return value === '' ? undefined : value;
}

function number(map: unknown, key: string): number | undefined {
  const value = scalarOf(map, key)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The scalars of a list (or a single scalar) as trimmed, non-empty text. */
function list(map: unknown, key: string): string[] {
  const node = valueOf(map, key);
  if (!isSeq(node) && !isScalar(node)) return [];
  return scalarsOf(map, key).map((s) => scalarText(s).trim()).filter((s) => s !== '');
}

function uniqueIds(items: readonly Item[]): string[] {
  return [...new Set(items.flatMap((item) => (item.id !== undefined ? [item.id] : [])))];
}

/** Natural order of ids: `NC-2` before `NC-10`; then plain code-unit order, so the result never depends on a locale. */
export function compareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

function byId(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

/** `partially-implemented` → `Partially implemented`. */
export function humanize(value: string): string {
  const spaced = value.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
