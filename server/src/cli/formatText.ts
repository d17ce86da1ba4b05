/**
 * Compiler-style text: `path:LINE:COL: severity code message`, one line a finding
 * (1-based positions, as editors and terminals expect), then one summary line. The
 * only escape sequences written are the colours below: paths, codes and messages come
 * from the workspace, and their control characters are printed as visible escapes.
 */
import { countsBySeverity, MAX_DIAGNOSTICS_PER_FILE, notShownOf, type NotShownCounts } from '../core/diagnostics/diagnose';
import { escapeInvisible } from '../core/visibleText';
import { codeOf, severityName, type CheckResult, type SeverityName } from './findings';

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
  green: '\u001b[32m',
  reset: '\u001b[0m',
};

const SEVERITY_COLOUR: Record<SeverityName, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  information: ANSI.blue,
  hint: ANSI.cyan,
};

export function formatText(result: CheckResult, colour: boolean): string {
  const paint = (style: string, text: string): string => (colour ? style + text + ANSI.reset : text);
  const lines: string[] = [];
  for (const { file, diagnostic } of result.findings) {
    const { line, character } = diagnostic.range.start;
    const severity = severityName(diagnostic.severity);
    const code = escapeInvisible(codeOf(diagnostic));
    // Multi-line messages stay readable and keep one finding per leading `path:` line.
    const message = escapeInvisible(diagnostic.message, '\n').replace(/\n/g, '\n    ');
    lines.push(
      `${paint(ANSI.bold, `${escapeInvisible(file)}:${line + 1}:${character + 1}:`)} ${paint(SEVERITY_COLOUR[severity], severity)}` +
        `${code ? ' ' + paint(ANSI.dim, code) : ''} ${message}`,
    );
  }
  lines.push(summaryLine(result, paint));
  return lines.join('\n') + '\n';
}

/**
 * `3 errors, 2 warnings in 2 files (checked 7 files)` or `No problems found in 7 files.`
 * The counts are of what was printed; when a file had more problems than the core lists
 * per file, its "not shown" notice is left out of the counts and what it stands for is
 * added: `…; 98001 more problems not shown (98001 errors), at most 1000 per file`.
 */
export function summaryLine(result: CheckResult, paint: (style: string, text: string) => string = (_s, t) => t): string {
  if (result.checkedFiles === 0) return 'No ISMS files to check (looked for *.isms.yaml and *.isms.yml).';
  if (result.findings.length === 0) return paint(ANSI.green, `No problems found in ${plural(result.checkedFiles, 'file')}.`);
  const hidden: NotShownCounts = { total: 0, errors: 0, warnings: 0, information: 0, hints: 0 };
  const shown = result.findings.filter(({ diagnostic }) => {
    const notShown = notShownOf(diagnostic);
    if (!notShown) return true;
    hidden.total += notShown.total;
    hidden.errors += notShown.errors;
    hidden.warnings += notShown.warnings;
    hidden.information += notShown.information;
    hidden.hints += notShown.hints;
    return false;
  });
  const count = (name: SeverityName): number => shown.filter((f) => severityName(f.diagnostic.severity) === name).length;
  const errors = count('error');
  const parts = [errors > 0 ? paint(ANSI.red, plural(errors, 'error')) : plural(errors, 'error'), plural(count('warning'), 'warning')];
  const infos = count('information');
  const hints = count('hint');
  if (infos > 0) parts.push(`${infos} information`);
  if (hints > 0) parts.push(plural(hints, 'hint'));
  const files = new Set(result.findings.map((f) => f.uri)).size;
  const summary = `${parts.join(', ')}${hidden.total > 0 ? ' shown' : ''} in ${plural(files, 'file')} (checked ${plural(result.checkedFiles, 'file')})`;
  if (hidden.total === 0) return summary;
  return `${summary}; ${hidden.total} more ${hidden.total === 1 ? 'problem' : 'problems'} not shown (${countsBySeverity(hidden)}), at most ${MAX_DIAGNOSTICS_PER_FILE} per file`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
