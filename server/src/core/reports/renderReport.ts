/**
 * `renderReport`: the one entry point the CLI and the editor call. Data is collected once
 * (reportModel), laid out once per report (a ReportDocument), then rendered to Markdown or
 * HTML; CSV is each report's main table. The output depends only on the workspace, its
 * "today" and `generatedOn` — no clock, no locale, no environment.
 */
import { formatDate } from '../dates';
import { computePhases } from '../phases/phaseModel';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { NC_CSV_HEADER, ncCsvRows, nonconformityDocument } from './nonconformityReport';
import { RISK_CSV_HEADER, preAssessmentDocument, riskCsvRows } from './preAssessmentReport';
import type { ReportDocument } from './reportDocument';
import { collectReportModel, type ReportModel } from './reportModel';
import { SOA_CSV_HEADER, soaCsvRows, soaDocument } from './soaReport';

export type ReportKind = 'soa' | 'pre-assessment' | 'nonconformities';
export type ReportFormat = 'md' | 'html' | 'csv';

export const REPORT_KINDS: readonly ReportKind[] = ['soa', 'pre-assessment', 'nonconformities'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'csv'];

export interface RenderReportOptions {
  /** The date printed as "generated on", `YYYY-MM-DD`; default `ws.today()`. */
  generatedOn?: string;
}

/**
 * Renders a report of the workspace. CSV tables: `soa` — one row a control; `pre-assessment`
 * — the risk register; `nonconformities` — one row a finding.
 */
export function renderReport(ws: IsmsWorkspace, kind: ReportKind, format: ReportFormat, options: RenderReportOptions = {}): string {
  const report = collectReportModel(ws, options.generatedOn ?? formatDate(ws.today()));
  if (format === 'csv') {
    switch (kind) {
      case 'soa':
        return renderCsv(SOA_CSV_HEADER, soaCsvRows(report));
      case 'pre-assessment':
        return renderCsv(RISK_CSV_HEADER, riskCsvRows(report));
      case 'nonconformities':
        return renderCsv(NC_CSV_HEADER, ncCsvRows(report));
    }
  }
  const doc = reportDocument(ws, kind, report);
  return format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
}

function reportDocument(ws: IsmsWorkspace, kind: ReportKind, report: ReportModel): ReportDocument {
  switch (kind) {
    case 'soa':
      return soaDocument(report);
    case 'pre-assessment':
      return preAssessmentDocument(report, computePhases(ws));
    case 'nonconformities':
      return nonconformityDocument(report);
  }
}

/** The usual file name of a report (`soa.html`), for "save as" defaults. */
export function defaultReportFileName(kind: ReportKind, format: ReportFormat): string {
  return `${kind}.${format}`;
}
