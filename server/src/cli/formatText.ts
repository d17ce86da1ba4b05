/**
 * Compiler-style text: `path:LINE:COL: severity code message`, one line a finding
 * (1-based positions, as editors and terminals expect), then one summary line.
 */
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
    const code = codeOf(diagnostic);
    // Multi-line messages stay readable and keep one finding per leading `path:` line.
    const message = diagnostic.message.replace(/\r?\n/g, '\n    ');
    lines.push(
      `${paint(ANSI.bold, `${file}:${line + 1}:${character + 1}:`)} ${paint(SEVERITY_COLOUR[severity], severity)}` +
        `${code ? ' ' + paint(ANSI.dim, code) : ''} ${message}`,
    );
  }
  lines.push(summaryLine(result, paint));
  return lines.join('\n') + '\n';
}

/** `3 errors, 2 warnings in 2 files (checked 7 files)` or `No problems found in 7 files.` */
export function summaryLine(result: CheckResult, paint: (style: string, text: string) => string = (_s, t) => t): string {
  if (result.checkedFiles === 0) return 'No ISMS files to check (looked for *.isms.yaml and *.isms.yml).';
  if (result.findings.length === 0) return paint(ANSI.green, `No problems found in ${plural(result.checkedFiles, 'file')}.`);
  const count = (name: SeverityName): number => result.findings.filter((f) => severityName(f.diagnostic.severity) === name).length;
  const errors = count('error');
  const parts = [errors > 0 ? paint(ANSI.red, plural(errors, 'error')) : plural(errors, 'error'), plural(count('warning'), 'warning')];
  const infos = count('information');
  const hints = count('hint');
  if (infos > 0) parts.push(`${infos} information`);
  if (hints > 0) parts.push(plural(hints, 'hint'));
  const files = new Set(result.findings.map((f) => f.uri)).size;
  return `${parts.join(', ')} in ${plural(files, 'file')} (checked ${plural(result.checkedFiles, 'file')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
