/**
 * The nonconformity register (spec §5): every finding with its audit, severity, control
 * or clause, dates, action plan, owner, verifier, correction and remediation evidence and
 * status — an overview table, then one sheet per finding (kept on one printed page).
 */
import { badge, cell, code, lines, muted, type Block, type Cell, type ReportDocument } from './reportDocument';
import { humanize, type NcRow, type ReportModel } from './reportModel';
import { DASH, evidenceCell, ncStatusBadge, orDash, personCell, personText, reference, severityBadge, STANDARD } from './reportParts';

export function nonconformityDocument(report: ReportModel): ReportDocument {
  const organization = report.organization.name;
  const ncs = report.nonconformities;
  const count = (predicate: (nc: NcRow) => boolean): number => ncs.filter(predicate).length;
  const overdue = count((nc) => nc.overdue);
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        ['Organization', cell(orDash(organization))],
        ['Standard', cell(STANDARD)],
        ['Register as of', cell(report.asOf)],
        ['Generated on', cell(report.generatedOn)],
      ],
    },
    { kind: 'heading', level: 2, text: 'Summary' },
    {
      kind: 'stats',
      columns: ['Nonconformities', 'Count'],
      items: [
        { label: 'Total', value: String(ncs.length) },
        { label: 'Open', value: String(count((nc) => nc.status === 'open')), tone: 'bad' },
        { label: 'Corrected', value: String(count((nc) => nc.status === 'corrected')), tone: 'partial' },
        { label: 'Closed', value: String(count((nc) => nc.status === 'closed')), tone: 'good' },
        { label: 'Major', value: String(count((nc) => nc.severity === 'major')) },
        { label: 'Minor', value: String(count((nc) => nc.severity === 'minor')) },
        { label: 'Overdue', value: String(overdue), ...(overdue > 0 ? { tone: 'bad' as const } : {}) },
      ],
    },
    {
      kind: 'table',
      empty: 'No nonconformities are recorded.',
      columns: [
        { title: 'Finding', width: '13%' },
        { title: 'Audit', width: '15%' },
        { title: 'Severity', width: '9%' },
        { title: 'Control or clause', width: '27%' },
        { title: 'Raised', width: '11%' },
        { title: 'Due', width: '13%' },
        { title: 'Status' },
      ],
      rows: ncs.map((nc) => ({
        cells: [
          cell(code(nc.id)),
          auditCell(nc, false),
          cell(severityBadge(nc.severity)),
          reference(nc),
          cell(orDash(nc.raised)),
          dueCell(nc),
          cell(ncStatusBadge(nc.status)),
        ],
      })),
    },
  ];
  if (ncs.length > 0) blocks.push({ kind: 'heading', level: 2, text: 'Findings', pageBreak: true });
  for (const nc of ncs) blocks.push(findingSheet(nc));
  return {
    title: 'Nonconformity register',
    subtitle: organization,
    orientation: 'portrait',
    blocks,
    footer: `Nonconformity register${organization ? ` · ${organization}` : ''} · ${STANDARD} · as of ${report.asOf} · generated ${report.generatedOn}`,
  };
}

function findingSheet(nc: NcRow): Block {
  const title = [nc.id, nc.severity !== undefined ? humanize(nc.severity).toLowerCase() : '', nc.status ?? ''].filter(Boolean).join(' · ');
  return {
    kind: 'group',
    blocks: [
      { kind: 'heading', level: 3, text: title, id: `nc-${nc.id}` },
      {
        kind: 'facts',
        rows: [
          ['Audit', auditCell(nc, true)],
          ['Severity', cell(severityBadge(nc.severity))],
          ['Control or clause', reference(nc)],
          ['Description', cell(orDash(nc.description))],
          ['Raised', cell(orDash(nc.raised))],
          ['Due', dueCell(nc)],
          ['Status', cell(ncStatusBadge(nc.status))],
          ['Action plan', nc.actionPlan !== undefined ? cell(nc.actionPlan) : cell(muted('None recorded'))],
          ['Owner', nc.owner ? personCell(nc.owner) : cell(DASH)],
          ['Verified by', nc.verifiedBy ? personCell(nc.verifiedBy) : cell(muted('Not verified'))],
          ['Correction evidence', evidenceCell(nc.correctionEvidence)],
          ['Remediation evidence', evidenceCell(nc.remediationEvidence)],
        ],
      },
    ],
  };
}

function auditCell(nc: NcRow, long: boolean): Cell {
  const audit = nc.audit;
  if (!audit) return cell(DASH);
  if (!audit.known) return cell(code(audit.id), muted(' not in audits'));
  const about = [audit.type !== undefined ? humanize(audit.type) : '', audit.date ?? ''].filter(Boolean).join(', ');
  if (long) {
    const details = [about, audit.auditor ?? ''].filter(Boolean).join(', ');
    return cell(code(audit.id), details ? ` (${details})` : '');
  }
  return lines([[code(audit.id)], about ? [muted(about)] : []]);
}

function dueCell(nc: NcRow): Cell {
  if (nc.due === undefined) return cell(DASH);
  return nc.overdue ? lines([[nc.due], [badge('Overdue', 'bad')]]) : cell(nc.due);
}

export const NC_CSV_HEADER = [
  'id', 'audit', 'audit type', 'audit date', 'severity', 'control', 'clause', 'reference title', 'description', 'raised', 'due',
  'status', 'overdue', 'action plan', 'owner', 'verified by', 'correction evidence', 'remediation evidence',
] as const;

/** One row a nonconformity, by id. `overdue` is `yes`/`no`; people are names; evidence lists are ids joined with `; `. */
export function ncCsvRows(report: ReportModel): string[][] {
  return report.nonconformities.map((nc) => [
    nc.id,
    nc.audit?.id ?? '',
    nc.audit?.type ?? '',
    nc.audit?.date ?? '',
    nc.severity ?? '',
    nc.control?.id ?? '',
    nc.clause?.id ?? '',
    nc.control?.title ?? nc.clause?.title ?? '',
    nc.description ?? '',
    nc.raised ?? '',
    nc.due ?? '',
    nc.status ?? '',
    nc.overdue ? 'yes' : 'no',
    nc.actionPlan ?? '',
    nc.owner ? personText(nc.owner) : '',
    nc.verifiedBy ? personText(nc.verifiedBy) : '',
    nc.correctionEvidence.map((e) => e.id).join('; '),
    nc.remediationEvidence.map((e) => e.id).join('; '),
  ]);
}
