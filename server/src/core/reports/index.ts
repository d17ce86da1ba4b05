/** Reports of spec §5: Statement of Applicability, pre-assessment report, nonconformity register. */
export {
  renderReport, defaultReportFileName, REPORT_KINDS, REPORT_FORMATS,
  type ReportKind, type ReportFormat, type RenderReportOptions,
} from './renderReport';
export { escapeHtml } from './html';
export { escapeMarkdown } from './markdown';
export { csvField } from './csv';
