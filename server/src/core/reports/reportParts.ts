/**
 * Pieces the three reports share: how a person, an evidence item, a control, a status
 * or a date is shown, and the scope and SoA-summary blocks.
 */
import { THEMES } from '../catalog/index';
import { badge, cell, code, lines, muted, type Block, type Cell, type Inline, type Line, type Tone } from './reportDocument';
import { humanize, type ControlRef, type EvidenceRef, type NcRow, type PersonRef, type ReportModel, type SoaSummary } from './reportModel';

export const STANDARD = 'ISO/IEC 27001:2022';
export const DASH = '—';

export function personText(person: PersonRef | undefined): string {
  if (!person) return DASH;
  return person.known ? person.name : `${person.id} (not in people)`;
}

export function personCell(person: PersonRef | undefined): Cell {
  if (!person) return cell(DASH);
  return person.known ? cell(person.name) : cell(code(person.id), muted(' not in people'));
}

/** One evidence item: id and title (a link for https), with where it is as a caption. */
export function evidenceLine(evidence: EvidenceRef): Line {
  if (!evidence.known) return [code(evidence.id), ' ', muted('not in the evidence register')];
  const title: Inline = evidence.href !== undefined ? { text: evidence.title ?? evidence.href, href: evidence.href } : evidence.title ?? '';
  const line: Line = [code(evidence.id), ' ', title];
  if (evidence.stale) line.push(' ', badge('stale', 'partial'));
  if (evidence.location !== undefined) line.push({ text: evidence.location, muted: true, caption: true });
  return line;
}

export function evidenceCell(list: readonly EvidenceRef[]): Cell {
  return list.length === 0 ? cell(DASH) : lines(list.map(evidenceLine));
}

export function evidenceText(list: readonly EvidenceRef[]): { ids: string; titles: string } {
  return { ids: list.map((e) => e.id).join('; '), titles: list.map((e) => e.title ?? '').join('; ') };
}

export function controlInline(control: ControlRef): Line {
  return control.title !== undefined ? [code(control.id), ' ', control.title] : [code(control.id), ' ', muted('not an ISO/IEC 27001:2022 control')];
}

const STATUS_TONES: Record<string, Tone> = {
  implemented: 'good',
  'partially-implemented': 'partial',
  planned: 'planned',
  'not-implemented': 'bad',
};

/** An SoA status as a badge: `Implemented` … */
export function statusBadge(status: string | undefined): Inline {
  if (status === undefined) return badge('No status', 'missing');
  return badge(humanize(status), STATUS_TONES[status] ?? 'muted');
}

const NC_STATUS_TONES: Record<string, Tone> = { open: 'bad', corrected: 'partial', closed: 'good' };

export function ncStatusBadge(status: string | undefined): Inline {
  if (status === undefined) return badge('No status', 'missing');
  return badge(humanize(status), NC_STATUS_TONES[status] ?? 'muted');
}

export function severityBadge(severity: string | undefined): Inline {
  if (severity === undefined) return badge('No severity', 'missing');
  return badge(humanize(severity), severity === 'major' ? 'bad' : severity === 'minor' ? 'partial' : 'muted');
}

export function orDash(value: string | undefined): string {
  return value === undefined || value === '' ? DASH : value;
}

/** The scope: statement, then its lists. */
export function scopeBlocks(report: ReportModel, heading: string): Block[] {
  const scope = report.scope;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: heading }];
  if (!scope) {
    blocks.push({ kind: 'paragraph', content: [muted('No scope is defined in the workspace.')] });
    return blocks;
  }
  blocks.push({ kind: 'paragraph', content: scope.statement !== undefined ? [scope.statement] : [muted('No scope statement.')] });
  blocks.push({
    kind: 'facts',
    rows: [
      ['Data categories', scope.dataCategories.length > 0 ? cell(scope.dataCategories.join(', ')) : cell(DASH)],
      ['Locations', scope.locations.length > 0 ? lines(scope.locations.map((l) => [l])) : cell(DASH)],
      ['Systems', scope.systems.length > 0 ? lines(scope.systems.map((s) => [s])) : cell(DASH)],
      [
        'Exclusions',
        scope.exclusions.length > 0
          ? lines(scope.exclusions.map((e): Line => [{ text: e.item, strong: true }, e.justification !== undefined ? ` ${DASH} ${e.justification}` : ''].filter((p) => p !== '')))
          : cell('None'),
      ],
    ],
  });
  return blocks;
}

/** The SoA's key figures (spec §5: applicable, excluded, implemented, partially, planned, not addressed). */
export function soaStats(summary: SoaSummary): Block {
  const items: { label: string; value: string; tone?: Tone }[] = [
    { label: 'Annex A controls', value: String(summary.total) },
    { label: 'Applicable', value: String(summary.applicable) },
    { label: 'Excluded', value: String(summary.excluded) },
    { label: 'Implemented', value: String(summary.implemented), tone: 'good' },
    { label: 'Partially implemented', value: String(summary.partiallyImplemented), tone: 'partial' },
    { label: 'Planned', value: String(summary.planned), tone: 'planned' },
    { label: 'Not implemented', value: String(summary.notImplemented), ...(summary.notImplemented > 0 ? { tone: 'bad' as const } : {}) },
    { label: 'Not addressed', value: String(summary.notAddressed), ...(summary.notAddressed > 0 ? { tone: 'missing' as const } : {}) },
  ];
  if (summary.noStatus > 0) items.push({ label: 'Applicable without status', value: String(summary.noStatus), tone: 'missing' });
  if (summary.noJustification > 0) items.push({ label: 'Without justification', value: String(summary.noJustification), tone: 'missing' });
  return { kind: 'stats', items, columns: ['Controls', 'Count'] };
}

/** `A.5 Organizational controls` for a theme. */
export function themeHeading(theme: (typeof THEMES)[number]): string {
  return `${theme.idPrefix.replace(/\.$/, '')} ${theme.heading}`;
}

/** A finding's control (with its title) or clause (with its title). */
export function reference(nc: NcRow): Cell {
  if (nc.control) return [controlInline(nc.control)];
  if (nc.clause) return [[`Clause ${nc.clause.id}`, nc.clause.title !== undefined ? ` ${nc.clause.title}` : muted(' not a clause of the standard')]];
  return cell(DASH);
}
