/**
 * The Statement of Applicability report (spec §5): organization, scope, SoA revision and
 * approval, date of generation; the summary; then all 93 controls grouped by theme in
 * Annex A order. A control the SoA omits is shown as "Not addressed".
 */
import { THEMES } from '../catalog/index';
import { badge, cell, lines, muted, type Block, type Cell, type Line, type ReportDocument, type TableRow } from './reportDocument';
import { humanize, type ReportModel, type SoaRow } from './reportModel';
import {
  DASH, STANDARD, evidenceCell, evidenceText, orDash, personCell, personText, scopeBlocks, soaStats, statusBadge, themeHeading,
} from './reportParts';

export function soaDocument(report: ReportModel): ReportDocument {
  const { soa } = report;
  const organization = report.organization.name;
  const blocks: Block[] = [];
  blocks.push({
    kind: 'facts',
    rows: [
      ['Organization', cell(orDash(organization))],
      ['Standard', cell(`${STANDARD}, Annex A`)],
      ['SoA revision', cell(soa.present ? orDash(soa.revision) : 'No SoA in the workspace')],
      ['Approved by', soa.approvedBy ? personCell(soa.approvedBy) : cell(muted('Not approved'))],
      ['Approved on', cell(orDash(soa.approvedOn))],
      ['Generated on', cell(report.generatedOn)],
    ],
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Summary' });
  blocks.push(soaStats(soa.summary));
  blocks.push({
    kind: 'paragraph',
    content: [
      `${soa.summary.addressed} of ${soa.summary.total} Annex A controls are addressed by the SoA. `,
      'Implementation figures count applicable controls only. ',
      'Every control is listed below, in Annex A order; a control the SoA does not address is marked "Not addressed".',
    ],
  });
  blocks.push(...scopeBlocks(report, 'Scope'));
  for (const theme of THEMES) {
    const rows = soa.rows.filter((row) => row.control.theme === theme.theme);
    const applicable = rows.filter((r) => r.addressed && r.applicable === true).length;
    const excluded = rows.filter((r) => r.addressed && r.applicable === false).length;
    const missing = rows.filter((r) => !r.addressed).length;
    blocks.push({ kind: 'heading', level: 2, text: themeHeading(theme), id: `theme-${theme.clause}`, pageBreak: theme !== THEMES[0] });
    blocks.push({
      kind: 'paragraph',
      content: [muted(`${rows.length} controls: ${applicable} applicable, ${excluded} excluded${missing > 0 ? `, ${missing} not addressed` : ''}.`)],
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Control', width: '15%' },
        { title: 'Applicability', width: '9.5%' },
        { title: 'Justification', width: '32%', wide: true },
        { title: 'Status', width: '11%' },
        { title: 'Owner', width: '9%' },
        { title: 'Evidence', width: '23.5%' },
      ],
      rows: rows.map(soaTableRow),
    });
  }
  const revision = soa.present && soa.revision !== undefined ? ` · revision ${soa.revision}` : '';
  return {
    title: 'Statement of Applicability',
    subtitle: organization,
    orientation: 'landscape',
    blocks,
    footer: `Statement of Applicability${organization ? ` · ${organization}` : ''}${revision} · ${STANDARD} Annex A · generated ${report.generatedOn}`,
  };
}

function soaTableRow(row: SoaRow): TableRow {
  // Id and title in one column: the id is what people look up, the title what they read.
  const control: Cell = [[{ text: row.control.id, code: true, strong: true }], [row.control.title]];
  if (!row.addressed) {
    return { tone: 'missing', cells: [control, cell(badge('Not addressed', 'missing')), cell(muted('Not addressed in the SoA.')), cell(DASH), cell(DASH), cell(DASH)] };
  }
  const applicability = row.applicable === true ? cell('Applicable') : row.applicable === false ? cell(badge('Excluded', 'muted')) : cell(badge('Not stated', 'missing'));
  const justification: Line[] = [row.justification !== undefined ? [row.justification] : [badge('No justification', 'missing')]];
  if (row.reasons.length > 0) justification.push([muted(`Reasons: ${row.reasons.map((r) => humanize(r).toLowerCase()).join(', ')}`)]);
  const status: Cell = row.applicable === false ? cell(DASH) : cell(statusBadge(row.status));
  return {
    ...(row.applicable === false ? { tone: 'muted' as const } : {}),
    cells: [control, applicability, lines(justification), status, row.owner ? personCell(row.owner) : cell(DASH), evidenceCell(row.evidence)],
  };
}

export const SOA_CSV_HEADER = ['id', 'title', 'theme', 'applicable', 'justification', 'reasons', 'status', 'owner', 'evidence ids', 'evidence titles'] as const;

/**
 * One row a control, Annex A order. `applicable` is `yes`, `no`, `not addressed`, or empty
 * when the entry does not say; `status` and `reasons` are the values as written in the
 * SoA (`partially-implemented`); `owner` is the person's name; lists are joined with `; `.
 */
export function soaCsvRows(report: ReportModel): string[][] {
  return report.soa.rows.map((row) => {
    const evidence = evidenceText(row.evidence);
    return [
      row.control.id,
      row.control.title,
      row.control.theme,
      !row.addressed ? 'not addressed' : row.applicable === true ? 'yes' : row.applicable === false ? 'no' : '',
      row.justification ?? '',
      row.reasons.join('; '),
      row.status ?? '',
      row.owner ? personText(row.owner) : '',
      evidence.ids,
      evidence.titles,
    ];
  });
}
