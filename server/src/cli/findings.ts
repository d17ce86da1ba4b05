/**
 * The diagnostics of one `isms check` run, located by a path relative to the current
 * folder and sorted the way every formatter prints them: by file, then position.
 */
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { uriToPath } from '../core/uri';

export interface CliFinding {
  /** The file's URI, as the core knows it. */
  readonly uri: string;
  /** The file relative to the current folder, with `/` separators. */
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

export interface CheckResult {
  /** Sorted by file, then position. */
  readonly findings: readonly CliFinding[];
  /** How many ISMS files were checked (each counted once). */
  readonly checkedFiles: number;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** LSP severity → the word used in text and JSON output (absent means error, as in LSP). */
export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** The code of a diagnostic as a string (`''` when it has none). */
export function codeOf(diagnostic: Diagnostic): string {
  return diagnostic.code === undefined ? '' : String(diagnostic.code);
}

/** `file:///work/ws/a.isms.yaml` seen from `/work` → `ws/a.isms.yaml`. */
export function displayPath(uri: string, cwd: string): string {
  const absolute = path.resolve(uriToPath(uri));
  const relative = path.relative(cwd, absolute);
  return (relative === '' || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}

/** Sorts in place by file, start, end, severity, code and message: stable output for CI diffs. */
export function sortFindings(findings: CliFinding[]): CliFinding[] {
  return findings.sort((a, b) => {
    const ra = a.diagnostic.range;
    const rb = b.diagnostic.range;
    return (
      compareStrings(a.file, b.file) ||
      ra.start.line - rb.start.line ||
      ra.start.character - rb.start.character ||
      ra.end.line - rb.end.line ||
      ra.end.character - rb.end.character ||
      (a.diagnostic.severity ?? 1) - (b.diagnostic.severity ?? 1) ||
      compareStrings(codeOf(a.diagnostic), codeOf(b.diagnostic)) ||
      compareStrings(a.diagnostic.message, b.diagnostic.message)
    );
  });
}

/** True when any finding is an error: the run exits 1. */
export function hasErrors(findings: readonly CliFinding[]): boolean {
  return findings.some((f) => severityName(f.diagnostic.severity) === 'error');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
