/**
 * Readings of the workspace model that the phase steps share: audits and findings by
 * type, people's names, where an item or a section lives. Total like the rules' helpers:
 * a shape the schema reports reads as "absent".
 */
import type { Node } from 'yaml';
import { compareDates, daysBetween, type CalendarDate } from '../dates';
import type { Item, SectionDef } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import { isBlank, keyOf, stringOf } from '../parse/yamlAccess';
import { auditOf, dateOf, isNotClosed, type DatedValue } from '../rules/lifecycleFacts';
import type { StepChild, StepId, StepState } from './phaseTypes';

/** What a step function computes; `attention` is added by its own overdue checks or by diagnostics. */
export interface StepDraft {
  state: Exclude<StepState, 'attention'>;
  /** Something on the step is overdue (the detail says what). */
  attention?: boolean;
  detail: string;
  file?: string;
  line?: number;
  children?: StepChild[];
}

export interface PhaseContext {
  model: WorkspaceModel;
  today: CalendarDate;
}

/** A place in a file, 0-based line. */
export interface Location {
  file: string;
  line: number;
}

export function locationOf(file: IsmsFile, node: Node | null | undefined): Location | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : { file: file.uri, line: file.lines.positionAt(start).line };
}

/** An item's place: its `- id:` line (the map's first key). */
export function itemLocation(item: Item): Location | undefined {
  return locationOf(item.file, item.map);
}

export function sectionLocation(section: SectionDef | undefined): Location | undefined {
  return section ? locationOf(section.file, section.key) : undefined;
}

/** The place of `key` inside a section's map, else the section key. */
export function keyLocation(section: SectionDef | undefined, key: string): Location | undefined {
  if (!section) return undefined;
  return locationOf(section.file, keyOf(section.value, key)) ?? sectionLocation(section);
}

/** The first definition of a list section (`people`, `audits` …), as a fallback place. */
export function listSectionLocation(model: WorkspaceModel, name: string): Location | undefined {
  return sectionLocation(model.sections(name)[0]);
}

/** `Jane Doe`, or the id when the person is not defined (an `unknown-person` error elsewhere). */
export function personName(model: WorkspaceModel, id: string): string {
  const name = stringOf(model.item('person', id)?.map, 'name')?.trim();
  return name ? name : id;
}

/** The trimmed string value of a key; blank reads as undefined. */
export function textOf(map: unknown, key: string): string | undefined {
  if (isBlank(map, key)) return undefined;
  const value = stringOf(map, key);
  return value === undefined ? undefined : value.trim();
}

export interface AuditInfo {
  item: Item;
  id: string;
  type: string;
  status: string | undefined;
  date: DatedValue | undefined;
  completed: boolean;
  planned: boolean;
}

export function auditInfo(item: Item): AuditInfo {
  const status = stringOf(item.map, 'status');
  return {
    item,
    id: item.id ?? 'unnamed audit',
    type: stringOf(item.map, 'type') ?? '',
    status,
    date: dateOf(item.map, 'date'),
    completed: status === 'completed',
    planned: status === 'planned',
  };
}

/** Audits of some types, in model order. */
export function auditsOfType(model: WorkspaceModel, ...types: string[]): AuditInfo[] {
  return model.items('audit').map(auditInfo).filter((a) => types.includes(a.type));
}

/** The latest dated audit of a list (ties: the first); undated audits only when nothing is dated. */
export function latestAudit(audits: readonly AuditInfo[]): AuditInfo | undefined {
  let best: AuditInfo | undefined;
  for (const audit of audits) {
    if (!best) best = audit;
    else if (audit.date && (!best.date || compareDates(audit.date.date, best.date.date) > 0)) best = audit;
  }
  return best;
}

/** The planned audit to show: the next one from today, else the latest one in the past. */
export function nextPlanned(audits: readonly AuditInfo[], today: CalendarDate): AuditInfo | undefined {
  const planned = audits.filter((a) => a.planned);
  const upcoming = planned
    .filter((a) => a.date && compareDates(a.date.date, today) >= 0)
    .sort((a, b) => compareDates(a.date!.date, b.date!.date));
  return upcoming[0] ?? latestAudit(planned);
}

/** True when a planned audit's date has passed: its outcome should have been recorded. */
export function isPastDue(audit: AuditInfo, today: CalendarDate): boolean {
  return audit.planned && !!audit.date && compareDates(audit.date.date, today) < 0;
}

export interface FindingInfo {
  item: Item;
  id: string;
  severity: string | undefined;
  status: string | undefined;
  due: DatedValue | undefined;
  /** Not closed and past its due date (not overdue on the due date itself). */
  overdue: boolean;
}

/** Nonconformities raised by audits of the given types that are not closed, in model order. */
export function openFindings(ctx: PhaseContext, ...auditTypes: string[]): FindingInfo[] {
  const out: FindingInfo[] = [];
  for (const nc of ctx.model.items('nonconformity')) {
    if (!isNotClosed(nc.map)) continue;
    const type = stringOf(auditOf(ctx.model, nc.map)?.map, 'type');
    if (type === undefined || !auditTypes.includes(type)) continue;
    const due = dateOf(nc.map, 'due');
    out.push({
      item: nc,
      id: nc.id ?? 'unnamed nonconformity',
      severity: stringOf(nc.map, 'severity'),
      status: stringOf(nc.map, 'status'),
      due,
      overdue: !!due && compareDates(due.date, ctx.today) < 0,
    });
  }
  return out;
}

/** All nonconformities (any status) raised by audits of the given types. */
export function findingsOfAuditTypes(model: WorkspaceModel, ...auditTypes: string[]): Item[] {
  return model.items('nonconformity').filter((nc) => {
    const type = stringOf(auditOf(model, nc.map)?.map, 'type');
    return type !== undefined && auditTypes.includes(type);
  });
}

/**
 * `2 findings open`, or `2 findings not closed (1 open, 1 corrected)`, with `, 1 overdue`
 * when some are past their due date — the state of a step's unclosed findings.
 */
export function findingsSummary(findings: readonly FindingInfo[]): string {
  const byStatus = new Map<string, number>();
  for (const f of findings) byStatus.set(f.status ?? 'no status', (byStatus.get(f.status ?? 'no status') ?? 0) + 1);
  const overdue = findings.filter((f) => f.overdue).length;
  const head = byStatus.size === 1 && byStatus.has('open')
    ? `${plural(findings.length, 'finding')} open`
    : `${plural(findings.length, 'finding')} not closed (${[...byStatus].map(([status, n]) => `${n} ${status}`).join(', ')})`;
  return overdue > 0 ? `${head}, ${overdue} overdue` : head;
}

/** One child per unclosed finding: `NC-003 minor · open · due 2027-04-30`. */
export function findingChildren(findings: readonly FindingInfo[], today: CalendarDate): StepChild[] {
  return findings.map((f) => {
    const due = f.due ? (f.overdue ? `overdue since ${f.due.text} (${plural(daysBetween(f.due.date, today), 'day')})` : `due ${f.due.text}`) : 'no due date';
    const where = itemLocation(f.item);
    return { label: f.id, detail: [f.severity, f.status, due].filter(Boolean).join(' · '), ...where };
  });
}

/** `1 finding`, `2 findings`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A child that links to an item (its `- id:` line). */
export function childOfItem(item: Item, label: string, detail?: string): StepChild {
  return { label, ...(detail !== undefined ? { detail } : {}), ...itemLocation(item) };
}

export type StepFunction = (ctx: PhaseContext) => StepDraft;
export type StepFunctions = Readonly<Record<StepId, StepFunction>>;

/** `on 2026-05-05`, or `(no date)` for an audit whose date is missing or invalid. */
export function onDate(audit: AuditInfo): string {
  return audit.date ? audit.date.text : '(no date)';
}
