/**
 * The Markdown of hovers: a control with its attributes, guidance and its state in this
 * ISMS; a 2013 id; a clause; a person and what they own; an evidence item and its age;
 * audits, risks and nonconformities in short. User text goes through `esc` or `code`;
 * nothing here reads the cursor (see hover.ts).
 */
import type { YAMLMap } from 'yaml';
import {
  ATTRIBUTE_NAMES, attributeTag, closestControlIds, getClause, getControl, getLegacyControl, getTheme, type Control,
} from '../catalog/index';
import { daysBetween, parseDate, type CalendarDate } from '../dates';
import type { Citation, IdKind } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import { scalarOf, scalarText, scalarsOf, stringOf } from '../parse/yamlAccess';
import { escapeInvisible, hasInvisible } from '../visibleText';

/**
 * User text as Markdown text: invisible and acting characters shown as escapes (a line
 * break too: inside a name it would be a break in the hover), then every ASCII
 * punctuation that can start markup escaped.
 */
export function esc(text: string): string {
  return escapeInvisible(text).replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => '\\' + c);
}

/** User text as a Markdown code span. */
export function code(text: string): string {
  return '`' + escapeInvisible(text).replace(/`/g, "'") + '`';
}

/** Whitespace collapsed, cut at `max` characters. */
function brief(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1).trimEnd() + '…' : flat;
}

/** Up to `max` entries, then "and N more". */
function listOf(values: readonly string[], max = 12): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The `id` of the map holding a citation (an SoA entry, a risk, a nonconformity …). */
function holderId(holder: YAMLMap): string | undefined {
  const id = scalarOf(holder, 'id');
  return id && id.value !== null ? scalarText(id) : undefined;
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}

function personName(model: WorkspaceModel, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const name = stringOf(model.item('person', id)?.map, 'name');
  return name ? `${esc(name)} (${code(id)})` : `${code(id)} (not in \`people\`)`;
}

function itemTitle(model: WorkspaceModel, kind: IdKind, id: string): string {
  const title = stringOf(model.item(kind, id)?.map, 'title');
  return title ? `${code(id)} ${esc(brief(title, 80))}` : code(id);
}

// ── Controls ─────────────────────────────────────────────────────────────

/** Catalogue facts and this ISMS's state for a 2022 control. */
export function controlMarkdown(model: WorkspaceModel, control: Control): string {
  const theme = getTheme(control.theme);
  const parts: string[] = [`**${control.id} ${esc(control.title)}**`];
  const facts = [`${theme.heading} (Annex A ${theme.clause})`];
  facts.push(control.isNew ? '**new in ISO/IEC 27001:2022**' : 'ISO/IEC 27001:2022');
  parts.push(facts.join(' · '));
  if (control.title27002 !== control.title) parts.push(`ISO/IEC 27002:2022 title: *${esc(control.title27002)}*`);
  parts.push([
    '| Attribute | Values |',
    '|---|---|',
    ...ATTRIBUTE_NAMES.map(({ key, label }) => `| ${label} | ${control.attributes[key].map((v) => esc(attributeTag(v))).join(' ')} |`),
  ].join('\n'));
  parts.push(esc(control.guidance));
  if (control.ids2013.length > 0) {
    const replaced = control.ids2013.map((id) => {
      const legacy = getLegacyControl(id);
      return `- ${id}${legacy ? ` ${esc(legacy.title2013)}` : ''}`;
    });
    parts.push(`Replaces (ISO/IEC 27001:2013):\n${replaced.join('\n')}`);
  } else {
    parts.push('No ISO/IEC 27001:2013 predecessor: a new control.');
  }
  parts.push('---');
  parts.push(controlState(model, control.id));
  return parts.join('\n\n');
}

function controlState(model: WorkspaceModel, id: string): string {
  const lines: string[] = ['**In this ISMS**'];
  const entries = model.soaEntriesFor(id);
  if (!model.singleton('soa')) {
    lines.push('- No Statement of Applicability yet.');
  } else if (entries.length === 0) {
    lines.push('- Not in the SoA: this control is not addressed yet.');
  } else {
    const entry = entries[0]!.map;
    const applicable = entry.get('applicable');
    const status = stringOf(entry, 'status');
    const owner = personName(model, stringOf(entry, 'owner'));
    const evidence = scalarsOf(entry, 'evidence').length;
    if (applicable === true) {
      const bits = ['**applicable**', status ? `status ${code(status)}` : 'no status'];
      if (owner) bits.push(`owner ${owner}`);
      bits.push(plural(evidence, 'evidence item'));
      lines.push(`- SoA: ${bits.join(' · ')}`);
    } else if (applicable === false) {
      lines.push('- SoA: **excluded** (not applicable)');
    } else {
      lines.push('- SoA: listed, applicability not decided');
    }
    const justification = stringOf(entry, 'justification');
    if (justification?.trim()) lines.push(`- Justification: ${esc(brief(justification))}`);
    if (entries.length > 1) lines.push(`- Listed ${entries.length} times in the SoA`);
  }
  const citations = model.citationsOf('control', id);
  const risks = unique([
    ...citations.filter((c) => c.section === 'risks').map((c) => holderId(c.holder)),
    ...(entries[0] ? scalarsOf(entries[0].map, 'risks').map(scalarText) : []),
  ]);
  lines.push(`- Risks citing it: ${risks.length === 0 ? 'none' : listOf(risks.map((r) => itemTitle(model, 'risk', r)), 8)}`);
  const open = citations
    .filter((c) => c.section === 'nonconformities' && stringOf(c.holder, 'status') !== 'closed')
    .map((c) => {
      const ncId = holderId(c.holder);
      const detail = [stringOf(c.holder, 'severity'), stringOf(c.holder, 'status') ?? 'no status'].filter(Boolean).join(', ');
      return ncId ? `${code(ncId)} (${esc(detail)})` : undefined;
    });
  const openNcs = unique(open);
  lines.push(`- Open nonconformities: ${openNcs.length === 0 ? 'none' : listOf(openNcs, 8)}`);
  return lines.join('\n');
}

/** A control id that is not one of the 93: a 2013 id, a number, or a typo. */
export function otherControlMarkdown(id: string): string {
  const legacy = getLegacyControl(id);
  if (legacy) {
    const became = legacy.ids2022.map((next) => `- ${next} ${esc(getControl(next)?.title ?? '')}`);
    return [
      `**${legacy.id2013} ${esc(legacy.title2013)}** (ISO/IEC 27001:2013)`,
      `A control of the 2013 edition. In ISO/IEC 27001:2022 it became:\n${became.join('\n')}`,
      legacy.ids2022.length === 1 ? `Write ${code(legacy.ids2022[0]!)} instead.` : 'Choose the 2022 control(s) that fit.',
    ].join('\n\n');
  }
  const suggestions = closestControlIds(id);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `${code(s)} ${esc(getControl(s)?.title ?? '')}`).join(', ')}?` : '';
  return `${code(id)} is not an ISO/IEC 27001:2022 Annex A control (A.5.1 … A.8.34).${hint}`;
}

// ── Clauses ──────────────────────────────────────────────────────────────

export function clauseMarkdown(model: WorkspaceModel, id: string): string {
  const clause = getClause(id);
  if (!clause) return `${code(id)} is not a clause of ISO/IEC 27001:2022 (4.1 … 10.2).`;
  const trail: string[] = [];
  for (let parent = clause.parent; parent !== undefined; parent = getClause(parent)?.parent) {
    const p = getClause(parent);
    if (p) trail.unshift(`${p.id} ${esc(p.title)}`);
  }
  const parts = [`**${clause.id} ${esc(clause.title)}**`, `ISO/IEC 27001:2022 clause${trail.length ? ` · ${trail.join(' › ')}` : ''}`];
  const ncs = unique(model.citationsOf('clause', id).map((c) => holderId(c.holder)));
  if (ncs.length > 0) parts.push(`Nonconformities citing it: ${listOf(ncs.map(code))}`);
  return parts.join('\n\n');
}

// ── Items ────────────────────────────────────────────────────────────────

function citedBy(citations: readonly Citation[], describe: (c: Citation) => string | undefined): string[] {
  return unique(citations.map(describe));
}

export function personMarkdown(model: WorkspaceModel, id: string): string {
  const person = model.item('person', id);
  if (!person) return `**${code(id)}** — not defined in \`people\`. Add the person there, or use one of the ids defined.`;
  const name = stringOf(person.map, 'name');
  const roles = scalarsOf(person.map, 'roles').map(scalarText);
  const email = stringOf(person.map, 'email');
  const parts = [`**${esc(name ?? id)}** (${code(id)})`];
  const facts = [`Roles: ${roles.length ? roles.map(code).join(', ') : 'none'}`];
  if (email) facts.push(`Email: ${esc(email)}`);
  parts.push(facts.join('  \n'));
  const cites = model.citationsOf('person', id);
  const by = (section: string, field: string) => unique(cites.filter((c) => c.section === section && c.field === field).map((c) => holderId(c.holder)));
  const owns: string[] = [];
  const add = (label: string, ids: string[]) => {
    if (ids.length > 0) owns.push(`- ${label} (${ids.length}): ${listOf(ids.map(code))}`);
  };
  add('SoA controls owned', by('soa', 'owner'));
  add('Risks owned', by('risks', 'owner'));
  add('Evidence kept', by('evidence', 'owner'));
  add('Nonconformities to remediate', by('nonconformities', 'owner'));
  add('Nonconformities to verify', by('nonconformities', 'verifiedBy'));
  add('Audits as auditor', by('audits', 'auditor'));
  if (cites.some((c) => c.section === 'organization')) owns.push('- Approved the ISMS programme');
  if (cites.some((c) => c.section === 'soa' && c.field === 'approvedBy')) owns.push('- Approved the Statement of Applicability');
  parts.push(owns.length > 0 ? owns.join('\n') : 'Owns nothing in this ISMS yet.');
  return parts.join('\n\n');
}

export function evidenceMarkdown(model: WorkspaceModel, id: string, today: CalendarDate, maxAgeDays: number): string {
  const item = model.item('evidence', id);
  if (!item) return `**${code(id)}** — not in the evidence register. Add it to \`evidence\`, or cite an id defined there.`;
  const title = stringOf(item.map, 'title');
  const link = stringOf(item.map, 'link');
  const lines: string[] = [];
  // A link with an invisible character is shown, not linked: it may not go where it reads.
  const linkable = link !== undefined && /^https:\/\/\S+$/i.test(link) && !hasInvisible(link);
  if (link) lines.push(`Link: ${linkable ? `[${esc(link)}](${link.replace(/[()\s]/g, encodeURIComponent)})` : code(link)}`);
  const collectedNode = scalarOf(item.map, 'collected');
  const collectedText = collectedNode && collectedNode.value !== null ? scalarText(collectedNode) : undefined;
  const collected = parseDate(collectedText);
  if (collected) {
    const age = daysBetween(collected, today);
    const stale = age > maxAgeDays ? ` — **stale** (older than ${maxAgeDays} days): collect it again` : '';
    lines.push(`Collected: ${esc(collectedText!)} (${age < 0 ? 'in the future' : `${plural(age, 'day')} ago`})${stale}`);
  } else {
    lines.push('Collected: not recorded');
  }
  const owner = personName(model, stringOf(item.map, 'owner'));
  if (owner) lines.push(`Owner: ${owner}`);
  const uses = citedBy(model.citationsOf('evidence', id), (c) => {
    const holder = holderId(c.holder);
    switch (`${c.section}.${c.field}`) {
      case 'soa.evidence': return holder && `SoA ${holder}`;
      case 'organization.evidence': return 'management approval';
      case 'audits.report': return holder && `report of ${holder}`;
      case 'nonconformities.correctionEvidence': return holder && `correction of ${holder}`;
      case 'nonconformities.remediationEvidence': return holder && `remediation of ${holder}`;
      default: return holder;
    }
  });
  lines.push(`Cited by: ${uses.length ? listOf(uses.map(esc)) : 'nothing yet'}`);
  return [`**${code(id)} ${esc(title ?? '')}**`.replace(/ \*\*$/, '**'), lines.join('  \n')].join('\n\n');
}

export function auditMarkdown(model: WorkspaceModel, id: string): string {
  const audit = model.item('audit', id);
  if (!audit) return `**${code(id)}** — not defined in \`audits\`.`;
  const text = (key: string) => {
    const node = scalarOf(audit.map, key);
    return node && node.value !== null ? scalarText(node) : undefined;
  };
  const when = [text('date'), text('status')].filter((t): t is string => !!t).map(esc);
  const head = [text('type') ? code(text('type')!) : 'audit', ...when].join(' · ');
  const lines = [head];
  if (text('auditor')) lines.push(`Auditor: ${esc(text('auditor')!)}`);
  if (text('report')) lines.push(`Report: ${itemTitle(model, 'evidence', text('report')!)}`);
  const raised = model.citationsOf('audit', id).filter((c) => c.section === 'nonconformities');
  const open = raised.filter((c) => stringOf(c.holder, 'status') !== 'closed').length;
  lines.push(`Nonconformities raised: ${raised.length}${raised.length ? ` (${open} not closed)` : ''}`);
  return [`**${code(id)}**`, lines.join('  \n')].join('\n\n');
}

export function riskMarkdown(model: WorkspaceModel, id: string): string {
  const risk = model.item('risk', id);
  if (!risk) return `**${code(id)}** — not defined in \`risks\`.`;
  const likelihood = risk.map.get('likelihood');
  const impact = risk.map.get('impact');
  const lines: string[] = [];
  if (typeof likelihood === 'number' && typeof impact === 'number') lines.push(`Likelihood ${likelihood} × impact ${impact} = **${likelihood * impact}**`);
  const treatment = stringOf(risk.map, 'treatment');
  if (treatment) lines.push(`Treatment: ${code(treatment)}`);
  const controls = scalarsOf(risk.map, 'controls').map(scalarText);
  if (controls.length) lines.push(`Controls: ${listOf(controls.map((c) => `${esc(c)}${getControl(c) ? ` ${esc(getControl(c)!.title)}` : ''}`), 8)}`);
  const owner = personName(model, stringOf(risk.map, 'owner'));
  if (owner) lines.push(`Owner: ${owner}`);
  return [`**${code(id)} ${esc(stringOf(risk.map, 'title') ?? '')}**`, lines.join('  \n')].join('\n\n');
}

export function nonconformityMarkdown(model: WorkspaceModel, id: string, today: CalendarDate): string {
  const nc = model.item('nonconformity', id);
  if (!nc) return `**${code(id)}**`;
  const text = (key: string) => {
    const node = scalarOf(nc.map, key);
    return node && node.value !== null ? scalarText(node) : undefined;
  };
  const head = [text('severity') ? `${esc(text('severity')!)} nonconformity` : 'nonconformity', text('status') !== undefined ? esc(text('status')!) : 'no status'].join(' · ');
  const lines = [head];
  const control = text('control');
  const clause = text('clause');
  if (control) lines.push(`Control: ${esc(control)}${getControl(control) ? ` ${esc(getControl(control)!.title)}` : ''}`);
  if (clause) lines.push(`Clause: ${esc(clause)}${getClause(clause) ? ` ${esc(getClause(clause)!.title)}` : ''}`);
  if (text('audit')) lines.push(`Raised by: ${code(text('audit')!)}${text('raised') ? ` on ${esc(text('raised')!)}` : ''}`);
  const due = parseDate(text('due'));
  if (due) {
    const overdue = text('status') !== 'closed' && daysBetween(due, today) > 0;
    lines.push(`Due: ${esc(text('due')!)}${overdue ? ' — **overdue**' : ''}`);
  }
  const owner = personName(model, text('owner'));
  if (owner) lines.push(`Owner: ${owner}`);
  const verifier = personName(model, text('verifiedBy'));
  if (verifier) lines.push(`Verified by: ${verifier}`);
  const description = stringOf(nc.map, 'description');
  const parts = [`**${code(id)}**`, lines.join('  \n')];
  if (description?.trim()) parts.push(esc(brief(description)));
  return parts.join('\n\n');
}
