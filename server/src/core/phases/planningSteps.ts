/**
 * Phase 1, planning and preparation: approval, team, scope, SoA, pre-assessment
 * (spec §4). Each function reads the model and returns the step without diagnostics;
 * `computePhases` adds the error-level diagnostics on the step's data.
 */
import type { Item } from '../model/facts';
import { CONTROLS, isControlId } from '../catalog/index';
import { isBlank, keyOf, mapOf, scalarOf, scalarText, scalarsOf, seqOf, stringOf } from '../parse/yamlAccess';
import {
  auditsOfType, childOfItem, findingChildren, findingsSummary, isPastDue, itemLocation, keyLocation, latestAudit,
  listSectionLocation, locationOf, nextPlanned, onDate, openFindings, personName, plural, sectionLocation, textOf,
  type PhaseContext, type StepDraft,
} from './phaseFacts';
import type { StepChild } from './phaseTypes';

export function approvalStep(ctx: PhaseContext): StepDraft {
  const organization = ctx.model.singleton('organization');
  if (!organization) return { state: 'not-started', detail: 'No organization section yet' };
  const approval = mapOf(organization.value, 'approval');
  if (!approval) return { state: 'not-started', detail: 'No management approval recorded', ...keyLocation(organization, 'approval') };
  const by = textOf(approval, 'approvedBy');
  const date = textOf(approval, 'date');
  const evidence = scalarsOf(approval, 'evidence').map(scalarText);
  const children: StepChild[] = evidence.map((id) => {
    const item = ctx.model.item('evidence', id);
    const title = stringOf(item?.map, 'title')?.trim();
    return item ? childOfItem(item, id, title) : { label: id, detail: 'not in the evidence register' };
  });
  const said = [by ? `Approved by ${personName(ctx.model, by)}` : 'Approval recorded', date ? `on ${date}` : ''].filter(Boolean).join(' ');
  const missing = [by ? '' : 'approver', date ? '' : 'date', evidence.length > 0 ? '' : 'evidence'].filter(Boolean);
  return {
    state: missing.length === 0 ? 'done' : 'in-progress',
    detail: missing.length === 0 ? said : `${said}; missing ${missing.join(', ')}`,
    ...keyLocation(organization, 'approval'),
    children,
  };
}

/** The three duties that must be held by three different people (segregation of duties). */
const DISTINCT_ROLES = ['review-supervisor', 'remediation-owner', 'verifier'] as const;
const ROLE_LABELS: Record<(typeof DISTINCT_ROLES)[number], string> = {
  'review-supervisor': 'review supervisor',
  'remediation-owner': 'remediation owner',
  verifier: 'verifier',
};

export function teamStep(ctx: PhaseContext): StepDraft {
  const people = ctx.model.items('person');
  const where = listSectionLocation(ctx.model, 'people');
  if (people.length === 0) return { state: 'not-started', detail: 'No people defined yet', ...where };
  const holders = DISTINCT_ROLES.map((role) => people.filter((p) => scalarsOf(p.map, 'roles').some((r) => r.value === role)));
  const name = (p: Item): string => (p.id !== undefined ? personName(ctx.model, p.id) : stringOf(p.map, 'name') ?? 'unnamed person');
  const assignment = distinctAssignment(holders);
  if (assignment) {
    return {
      state: 'done',
      detail: assignment.map((p, i) => `${capitalize(ROLE_LABELS[DISTINCT_ROLES[i]!])} ${name(p)}`).join(' · '),
      ...where,
      children: assignment.map((p, i) => childOfItem(p, DISTINCT_ROLES[i]!, name(p))),
    };
  }
  const children: StepChild[] = DISTINCT_ROLES.map((role, i) => {
    const list = holders[i]!;
    const first = list[0];
    const detail = list.length === 0 ? 'nobody' : list.map(name).join(', ');
    return first ? childOfItem(first, role, detail) : { label: role, detail, ...where };
  });
  const vacant = DISTINCT_ROLES.filter((_, i) => holders[i]!.length === 0);
  const detail = vacant.length > 0
    ? `Nobody holds ${vacant.join(', ')}`
    : `${DISTINCT_ROLES.join(', ')} need three different people`;
  return { state: 'in-progress', detail, ...where, children };
}

/** Three different people, one per role, preferring people-list order; undefined when impossible. */
function distinctAssignment(holders: readonly Item[][]): Item[] | undefined {
  const pick = (i: number, taken: Item[]): Item[] | undefined => {
    if (i === holders.length) return taken;
    for (const p of holders[i]!) {
      if (taken.some((t) => t === p || (t.id !== undefined && t.id === p.id))) continue;
      const found = pick(i + 1, [...taken, p]);
      if (found) return found;
    }
    return undefined;
  };
  return pick(0, []);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function scopeStep(ctx: PhaseContext): StepDraft {
  const scope = ctx.model.singleton('scope');
  if (!scope) return { state: 'not-started', detail: 'No scope defined yet' };
  const where = sectionLocation(scope);
  const statement = textOf(scope.value, 'statement');
  const count = (key: string): number => scalarsOf(scope.value, key).length;
  const categories = count('dataCategories');
  const exclusions = seqOf(scope.value, 'exclusions')?.items.length ?? 0;
  const parts = [
    categories > 0 ? `${categories} data ${categories === 1 ? 'category' : 'categories'}` : '',
    count('locations') > 0 ? plural(count('locations'), 'location') : '',
    count('systems') > 0 ? plural(count('systems'), 'system') : '',
    exclusions > 0 ? plural(exclusions, 'exclusion') : '',
  ].filter(Boolean);
  if (statement && categories > 0) return { state: 'done', detail: parts.join(' · '), ...where };
  const missing = [statement ? '' : 'no statement', categories > 0 ? '' : 'no data categories'].filter(Boolean);
  const at = statement ? locationOf(scope.file, keyOf(scope.value, 'dataCategories')) ?? where : where;
  return { state: 'in-progress', detail: [statement ? 'Statement written' : '', ...parts, ...missing].filter(Boolean).join(' · '), ...at };
}

export const SOA_TOTAL = CONTROLS.length;

export function soaStep(ctx: PhaseContext): StepDraft {
  const soa = ctx.model.singleton('soa');
  if (!soa) return { state: 'not-started', detail: `SoA 0/${SOA_TOTAL} addressed` };
  const where = keyLocation(soa, 'controls');
  const firstEntry = new Map<string, (typeof ctx.model.soaEntries)[number]>();
  const unjustified: StepChild[] = [];
  for (const entry of ctx.model.soaEntries) {
    if (entry.id === undefined || !isControlId(entry.id)) continue;
    if (!firstEntry.has(entry.id)) firstEntry.set(entry.id, entry);
    if (isBlank(entry.map, 'justification')) unjustified.push({ label: entry.id, detail: 'no justification', ...locationOf(entry.file, entry.map) });
  }
  let applicable = 0;
  let excluded = 0;
  for (const entry of firstEntry.values()) {
    const value = scalarOf(entry.map, 'applicable')?.value;
    if (value === true) applicable++;
    else if (value === false) excluded++;
  }
  const missing: StepChild[] = CONTROLS.filter((c) => !firstEntry.has(c.id)).map((c) => ({ label: c.id, detail: `${c.title} — not addressed`, ...where }));
  const addressed = firstEntry.size;
  const detail = [
    `SoA ${addressed}/${SOA_TOTAL} addressed${addressed > 0 ? ` (${applicable} applicable, ${excluded} excluded)` : ''}`,
    unjustified.length > 0 ? `${unjustified.length} without justification` : '',
  ].filter(Boolean).join(' · ');
  return {
    state: addressed === SOA_TOTAL && unjustified.length === 0 ? 'done' : 'in-progress',
    detail,
    ...where,
    children: [...unjustified, ...missing],
  };
}

export function preAssessmentStep(ctx: PhaseContext): StepDraft {
  const audits = auditsOfType(ctx.model, 'pre-assessment');
  const risks = ctx.model.items('risk');
  const withReport = audits.filter((a) => a.completed && !isBlank(a.item.map, 'report'));
  const shown = latestAudit(withReport) ?? latestAudit(audits.filter((a) => a.completed)) ?? nextPlanned(audits, ctx.today) ?? latestAudit(audits);
  const riskPart = risks.length > 0 ? `${plural(risks.length, 'risk')} in the register` : 'no risk register';
  const open = openFindings(ctx, 'pre-assessment');
  const where = (shown ? itemLocation(shown.item) : undefined) ?? listSectionLocation(ctx.model, 'risks') ?? listSectionLocation(ctx.model, 'audits');
  const children = findingChildren(open, ctx.today);
  if (!shown && risks.length === 0) return { state: 'not-started', detail: 'No pre-assessment or risk register yet', ...where };
  let auditPart: string;
  if (!shown) auditPart = 'No pre-assessment audit';
  else if (shown.completed) {
    const report = stringOf(shown.item.map, 'report');
    auditPart = `${shown.id} completed ${onDate(shown)}${report ? ` with report ${report}` : ', no report'}`;
  } else auditPart = `${shown.id} planned for ${onDate(shown)}`;
  const done = withReport.length > 0 && risks.length > 0;
  const pastDue = !done && !!shown && isPastDue(shown, ctx.today);
  const detail = [auditPart, pastDue ? 'date passed, record the outcome' : '', riskPart, open.length > 0 ? findingsSummary(open) : ''].filter(Boolean).join(' · ');
  return {
    state: done ? 'done' : 'in-progress',
    attention: pastDue || open.some((f) => f.overdue),
    detail,
    ...where,
    children,
  };
}
