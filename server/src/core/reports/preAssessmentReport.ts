/**
 * The pre-assessment report (spec §5): the readiness picture before stage 1 — scope, SoA
 * status, the risk register with scores, treatment and controls, evidence coverage, open
 * nonconformities and the phase progress. Its CSV is the risk register alone: the one
 * table of this report that people sort and filter.
 */
import type { PhaseProgress, StepState } from '../phases/phaseModel';
import { badge, cell, code, lines, muted, type Block, type Line, type ReportDocument, type Tone } from './reportDocument';
import { humanize, type NcRow, type ReportModel } from './reportModel';
import {
  DASH, STANDARD, controlInline, ncStatusBadge, orDash, personCell, personText, reference, scopeBlocks, severityBadge, soaStats,
} from './reportParts';

export function preAssessmentDocument(report: ReportModel, progress: PhaseProgress): ReportDocument {
  const organization = report.organization.name;
  const blocks: Block[] = [];
  const body = report.certificationBody;
  const preAssessments = report.audits.filter((a) => a.type === 'pre-assessment');
  blocks.push({
    kind: 'facts',
    rows: [
      ['Organization', cell(orDash(organization))],
      ['Standard', cell(STANDARD)],
      ['Assessment as of', cell(report.asOf)],
      [
        'Pre-assessment',
        preAssessments.length > 0
          ? lines(preAssessments.map((a): Line => [code(a.id), ` ${orDash(a.date)}`, a.auditor !== undefined ? `, ${a.auditor}` : '', ` (${a.status ?? 'no status'})`]))
          : cell(muted('No pre-assessment audit recorded')),
      ],
      ['Certification body', body ? cell(orDash(body.name), body.accreditation !== undefined ? `, accredited by ${body.accreditation}` : '') : cell(muted('Not chosen yet'))],
      ['Generated on', cell(report.generatedOn)],
    ],
  });
  blocks.push(...scopeBlocks(report, '1. Scope'));
  blocks.push(...soaStatusBlocks(report));
  blocks.push(...riskBlocks(report));
  blocks.push(...coverageBlocks(report));
  blocks.push({ kind: 'heading', level: 2, text: '5. Open nonconformities' });
  blocks.push(openFindingsTable(report.nonconformities.filter((nc) => nc.status !== 'closed')));
  blocks.push(...progressBlocks(progress));
  return {
    title: 'Pre-assessment report',
    subtitle: organization,
    orientation: 'portrait',
    blocks,
    footer: `Pre-assessment report${organization ? ` · ${organization}` : ''} · ${STANDARD} · as of ${report.asOf} · generated ${report.generatedOn}`,
  };
}

function soaStatusBlocks(report: ReportModel): Block[] {
  const { soa } = report;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: '2. Statement of Applicability' }];
  if (!soa.present) {
    blocks.push({ kind: 'paragraph', content: [muted('No Statement of Applicability in the workspace: all 93 controls are not addressed.')] });
  } else {
    blocks.push({
      kind: 'facts',
      rows: [
        ['Revision', cell(orDash(soa.revision))],
        ['Approved', soa.approvedBy ? cell(personText(soa.approvedBy), soa.approvedOn !== undefined ? ` on ${soa.approvedOn}` : '') : cell(muted('Not approved'))],
        ['Coverage', cell(`${soa.summary.addressed} of ${soa.summary.total} Annex A controls addressed`)],
      ],
    });
  }
  blocks.push(soaStats(soa.summary));
  const gaps = soa.rows.filter((r) => !r.addressed || r.justification === undefined || (r.applicable === true && r.status === undefined));
  if (gaps.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Gaps in the SoA' });
    blocks.push({
      kind: 'table',
      columns: [{ title: 'Control', width: '40%' }, { title: 'Gap' }],
      rows: gaps.map((r) => ({
        cells: [
          cell(...controlInline({ id: r.control.id, title: r.control.title })),
          cell(!r.addressed ? 'Not addressed' : [r.justification === undefined ? 'No justification' : '', r.applicable === true && r.status === undefined ? 'No implementation status' : ''].filter(Boolean).join('; ')),
        ],
      })),
    });
  }
  return blocks;
}

function riskBlocks(report: ReportModel): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: '3. Risk register', pageBreak: true }];
  blocks.push({ kind: 'paragraph', content: [`${report.risks.length} ${report.risks.length === 1 ? 'risk' : 'risks'}. Score = likelihood × impact (each 1–5, so 1–25).`] });
  blocks.push({
    kind: 'table',
    empty: 'No risk register: the risk assessment (clause 6.1.2) is not recorded.',
    columns: [
      { title: 'Risk', width: '8%' },
      { title: 'Title', width: '24%', wide: true },
      { title: 'L', width: '4%', align: 'center' },
      { title: 'I', width: '4%', align: 'center' },
      { title: 'Score', width: '7%', align: 'center' },
      { title: 'Treatment', width: '11%' },
      { title: 'Controls', width: '29%' },
      { title: 'Owner', width: '13%' },
    ],
    rows: report.risks.map((risk) => ({
      cells: [
        cell(code(risk.id)),
        cell(orDash(risk.title)),
        cell(risk.likelihood !== undefined ? String(risk.likelihood) : DASH),
        cell(risk.impact !== undefined ? String(risk.impact) : DASH),
        risk.score !== undefined ? cell(badge(String(risk.score), scoreTone(risk.score))) : cell(DASH),
        cell(risk.treatment !== undefined ? humanize(risk.treatment) : DASH),
        risk.controls.length > 0 ? lines(risk.controls.map(controlInline)) : cell(DASH),
        risk.owner ? personCell(risk.owner) : cell(DASH),
      ],
    })),
  });
  return blocks;
}

/** Colour bands for a 5×5 matrix, for reading only (the format defines no levels). */
function scoreTone(score: number): Tone {
  return score >= 15 ? 'bad' : score >= 8 ? 'partial' : 'good';
}

function coverageBlocks(report: ReportModel): Block[] {
  const implemented = report.soa.rows.filter((r) => r.addressed && r.applicable === true && r.status === 'implemented');
  const withoutEvidence = implemented.filter((r) => !r.evidence.some((e) => e.known));
  const stale = report.evidence.filter((e) => e.stale);
  const citedBy = (id: string): string[] => report.soa.rows.filter((r) => r.evidence.some((e) => e.id === id)).map((r) => r.control.id);
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: '4. Evidence coverage' }];
  blocks.push({
    kind: 'stats',
    columns: ['Evidence', 'Count'],
    items: [
      { label: 'Implemented controls', value: String(implemented.length) },
      { label: 'With evidence', value: String(implemented.length - withoutEvidence.length), tone: 'good' },
      { label: 'Without evidence', value: String(withoutEvidence.length), ...(withoutEvidence.length > 0 ? { tone: 'bad' as const } : {}) },
      { label: 'Evidence items', value: String(report.evidence.length) },
      { label: `Stale (over ${report.evidenceMaxAgeDays} days)`, value: String(stale.length), ...(stale.length > 0 ? { tone: 'partial' as const } : {}) },
    ],
  });
  blocks.push({ kind: 'heading', level: 3, text: 'Implemented controls without evidence' });
  blocks.push({
    kind: 'table',
    empty: 'None: every implemented control cites evidence from the register.',
    columns: [{ title: 'Control', width: '55%' }, { title: 'Owner' }],
    rows: withoutEvidence.map((r) => ({ cells: [cell(...controlInline({ id: r.control.id, title: r.control.title })), r.owner ? personCell(r.owner) : cell(DASH)] })),
  });
  blocks.push({ kind: 'heading', level: 3, text: 'Stale evidence' });
  blocks.push({
    kind: 'table',
    empty: `None: all evidence was collected within the last ${report.evidenceMaxAgeDays} days.`,
    columns: [{ title: 'Evidence', width: '12%' }, { title: 'Title', width: '43%' }, { title: 'Collected', width: '13%' }, { title: 'Age (days)', width: '10%', align: 'right' }, { title: 'Cited by' }],
    rows: stale.map((e) => ({
      cells: [cell(code(e.id)), cell(orDash(e.title)), cell(orDash(e.collected)), cell(e.ageDays !== undefined ? String(e.ageDays) : DASH), cell(citedBy(e.id).join(', ') || DASH)],
    })),
  });
  return blocks;
}

export function openFindingsTable(open: readonly NcRow[]): Block {
  return {
    kind: 'table',
    empty: 'No open nonconformities.',
    columns: [
      { title: 'Finding', width: '13%' },
      { title: 'Audit', width: '14%' },
      { title: 'Severity', width: '9%' },
      { title: 'Control or clause', width: '24%' },
      { title: 'Raised', width: '10%' },
      { title: 'Due', width: '12%' },
      { title: 'Status', width: '9%' },
      { title: 'Owner' },
    ],
    rows: open.map((nc) => ({
      cells: [
        cell(code(nc.id)),
        nc.audit ? lines([[code(nc.audit.id)], nc.audit.type !== undefined ? [muted(humanize(nc.audit.type))] : []]) : cell(DASH),
        cell(severityBadge(nc.severity)),
        reference(nc),
        cell(orDash(nc.raised)),
        nc.overdue ? lines([[orDash(nc.due)], [badge('Overdue', 'bad')]]) : cell(orDash(nc.due)),
        cell(ncStatusBadge(nc.status)),
        nc.owner ? personCell(nc.owner) : cell(DASH),
      ],
    })),
  };
}

const STATE_BADGES: Record<StepState, [string, Tone]> = {
  done: ['Done', 'good'],
  'in-progress': ['In progress', 'planned'],
  'not-started': ['Not started', 'muted'],
  attention: ['Attention', 'bad'],
};

function progressBlocks(progress: PhaseProgress): Block[] {
  return [
    { kind: 'heading', level: 2, text: '6. Phase progress' },
    {
      kind: 'table',
      columns: [{ title: 'Phase', width: '17%' }, { title: 'Step', width: '24%' }, { title: 'State', width: '13%' }, { title: 'Detail' }],
      rows: progress.phases.flatMap((phase, i) =>
        phase.steps.map((step) => ({
          cells: [cell(`${i + 1}. ${phase.title}`), cell(step.title), cell(badge(...STATE_BADGES[step.state])), cell(step.detail)],
        })),
      ),
    },
  ];
}

export const RISK_CSV_HEADER = ['id', 'title', 'likelihood', 'impact', 'score', 'treatment', 'controls', 'control titles', 'owner'] as const;

/** The risk register, one row a risk, by id; `score` = likelihood × impact; lists joined with `; `. */
export function riskCsvRows(report: ReportModel): string[][] {
  return report.risks.map((risk) => [
    risk.id,
    risk.title ?? '',
    risk.likelihood !== undefined ? String(risk.likelihood) : '',
    risk.impact !== undefined ? String(risk.impact) : '',
    risk.score !== undefined ? String(risk.score) : '',
    risk.treatment ?? '',
    risk.controls.map((c) => c.id).join('; '),
    risk.controls.map((c) => c.title ?? '').join('; '),
    risk.owner ? personText(risk.owner) : '',
  ]);
}
