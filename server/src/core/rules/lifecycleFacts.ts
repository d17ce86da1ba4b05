/**
 * Shared readings for the nonconformity-lifecycle and certification-cycle rules: dates as
 * calendar dates with the node that holds them, nonconformity labels and states, audits
 * by type, and the singleton section a rule may report on. Every function is total: a
 * shape the schema reports yields undefined, and the rule stays silent.
 */
import { isScalar, type Scalar, type YAMLMap } from 'yaml';
import { compareDates, parseDate, type CalendarDate } from '../dates';
import type { Item, SectionDef, SingletonSection } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import { keyOf, stringOf, valueOf } from '../parse/yamlAccess';
import type { Finding } from '../diagnostics/finding';
import { PLACES_RELATED, placeList } from '../text/closest';

/** A date value and the scalar that holds it (the anchor of date diagnostics). */
export interface DatedValue {
  date: CalendarDate;
  /** The date as written, `YYYY-MM-DD`. */
  text: string;
  node: Scalar;
}

/** The `YYYY-MM-DD` value of `key`, when it is a real calendar date. */
export function dateOf(map: unknown, key: string): DatedValue | undefined {
  const node = valueOf(map, key);
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const date = parseDate(node.value);
  return date ? { date, text: node.value, node } : undefined;
}

/** The scalar value of `key` (for anchoring on a value such as `status`). */
export function scalarValueOf(map: unknown, key: string): Scalar | undefined {
  const node = valueOf(map, key);
  return isScalar(node) ? node : undefined;
}

/** `Major nonconformity NC-004`, `Nonconformity NC-004`, or `This nonconformity`. */
export function ncLabel(map: YAMLMap, id: string | undefined): string {
  const severity = stringOf(map, 'severity');
  if (id === undefined) return severity === 'major' || severity === 'minor' ? `This ${severity} nonconformity` : 'This nonconformity';
  const prefix = severity === 'major' ? 'Major nonconformity' : severity === 'minor' ? 'Minor nonconformity' : 'Nonconformity';
  return `${prefix} ${id}`;
}

/** True when a nonconformity has a status and it is not `closed` (open, corrected, or a typo the schema reports). */
export function isNotClosed(map: YAMLMap): boolean {
  const status = stringOf(map, 'status');
  return status !== undefined && status.trim() !== '' && status !== 'closed';
}

/** The audit a nonconformity cites in `audit`, when it is defined. */
export function auditOf(model: WorkspaceModel, nc: YAMLMap): Item | undefined {
  const id = stringOf(nc, 'audit');
  return id === undefined ? undefined : model.item('audit', id);
}

/** Per model (which never changes) and audit type: every stage 2 audit of a file asks. */
const openFindingsByModel = new WeakMap<WorkspaceModel, Map<string, readonly Item[]>>();

/** Nonconformities not closed that were raised by an audit of the given type, in model order. */
export function openFindingsOfAuditType(model: WorkspaceModel, auditType: string): readonly Item[] {
  let byType = openFindingsByModel.get(model);
  if (!byType) openFindingsByModel.set(model, (byType = new Map()));
  let open = byType.get(auditType);
  if (!open) {
    open = model.items('nonconformity').filter((nc) => isNotClosed(nc.map) && stringOf(auditOf(model, nc.map)?.map, 'type') === auditType);
    byType.set(auditType, open);
  }
  return open;
}

/** `NC-001 (open), NC-002 (corrected)`, naming at most PLACES_NAMED — for messages. */
export function listFindings(items: readonly Item[]): string {
  return placeList(items, items.length, (nc) => `${nc.id ?? 'unnamed'} (${stringOf(nc.map, 'status') ?? 'no status'})`, '');
}

/** The ids of the first PLACES_RELATED findings, for a finding's data. */
export function findingIds(items: readonly Item[]): (string | undefined)[] {
  return items.slice(0, PLACES_RELATED).map((nc) => nc.id);
}

/** Related information pointing at the status of each of the first PLACES_RELATED findings (for "which findings are open?"). */
export function findingsRelated(items: readonly Item[]): NonNullable<Finding['related']> {
  return items.slice(0, PLACES_RELATED).map((nc) => {
    const at = (valueOf(nc.map, 'status') ?? keyOf(nc.map, 'id') ?? nc.map).range!;
    return { uri: nc.file.uri, start: at[0], end: at[1], message: `${nc.id ?? 'nonconformity'} is ${stringOf(nc.map, 'status')}` };
  });
}

/**
 * The definition of a singleton section that counts, when it is in `file`: a rule on a
 * singleton reports once, on the definition the model uses (a second definition is a
 * `duplicate-section` problem, not a second certificate).
 */
export function singletonIn(model: WorkspaceModel, name: SingletonSection, file: IsmsFile): SectionDef | undefined {
  const section = model.singleton(name);
  return section && section.file === file ? section : undefined;
}

/** The latest of several dated values; ties go to the first (model order), so the choice is deterministic. */
export function latest<T extends { date: CalendarDate }>(values: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const value of values) {
    if (!best || compareDates(value.date, best.date) > 0) best = value;
  }
  return best;
}

/** `1 day`, `12 days`. */
export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** Audit types run by the certification body. */
export const EXTERNAL_AUDIT_TYPES: ReadonlySet<string> = new Set(['stage-2', 'surveillance', 'recertification']);

/** `stage-2` → `stage 2 audit`, `internal-audit` → `internal audit`, for messages. */
export function auditTypeLabel(type: string | undefined): string {
  switch (type) {
    case 'stage-1':
      return 'stage 1 audit';
    case 'stage-2':
      return 'stage 2 audit';
    case 'internal-audit':
      return 'internal audit';
    case 'management-review':
      return 'management review';
    case 'pre-assessment':
      return 'pre-assessment';
    case 'surveillance':
    case 'recertification':
      return `${type} audit`;
    default:
      return 'audit';
  }
}
