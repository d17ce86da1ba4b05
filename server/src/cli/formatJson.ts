/**
 * `--format json`: ONE array, one object per diagnostic, with LSP's 0-based range
 * (spec §6, §9). The shape is a public contract: add fields, never rename them.
 */
import { escapeInvisibleInJson } from '../core/visibleText';
import { codeOf, severityName, type CheckResult, type SeverityName } from './findings';

export interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: SeverityName;
  code: string;
  message: string;
}

export function toJsonFindings(result: CheckResult): JsonFinding[] {
  return result.findings.map(({ file, diagnostic }) => ({
    file,
    range: {
      start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
      end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character },
    },
    severity: severityName(diagnostic.severity),
    code: codeOf(diagnostic),
    message: diagnostic.message,
  }));
}

/**
 * One array, one finding a line: valid JSON that still reads and diffs well. Paths may
 * hold characters JSON leaves raw (C1 controls, bidi overrides); they are written as
 * `\u` escapes, which a JSON reader turns back into the same text.
 */
export function formatJson(result: CheckResult): string {
  const items = toJsonFindings(result).map((finding) => escapeInvisibleInJson(JSON.stringify(finding)));
  return items.length === 0 ? '[]\n' : `[\n${items.map((item) => '  ' + item).join(',\n')}\n]\n`;
}
