/**
 * Runs every rule on one file and turns findings into LSP diagnostics: severities from
 * the settings, suppression comments applied, each rule isolated so that one that
 * throws cannot take the others down, at most MAX_DIAGNOSTICS_PER_FILE per file, and
 * every message with its invisible characters escaped.
 */
import { visit } from 'yaml';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { CalendarDate } from '../dates';
import type { WorkspaceHost } from '../host';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import { rangeOf } from '../parse/yamlAccess';
import type { Rule, RuleContext } from '../rules/rule';
import type { IsmsSettings, Severity } from '../settings';
import { escapeInvisible } from '../visibleText';
import type { Finding } from './finding';
import { readSuppressions } from './suppression';

export const SOURCE = 'isms';
export const UNUSED_SUPPRESSION = 'unused-suppression';

/**
 * The most diagnostics one file gets, the "not shown" notice included. A file with a
 * hundred thousand broken items would otherwise send a hundred thousand diagnostics to
 * the editor (a message of tens of megabytes, a frozen Problems view) and into SARIF
 * logs. 1,000 is VS Code's own limit per file: staying within it means the editor never
 * drops any of ours and adds its own notice, and nobody reads further than that anyway.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** The code of the "not shown" notice: like the file-size cap, a limit of the checker. */
export const NOT_SHOWN_CODE = 'yaml-syntax';

/** How many problems of each severity the notice stands for (its `data.notShown`). */
export interface NotShownCounts {
  total: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export interface DiagnoseInput {
  file: IsmsFile;
  model: WorkspaceModel;
  rules: readonly Rule[];
  settings: IsmsSettings;
  today: CalendarDate;
  folderUri: string;
  host: WorkspaceHost;
  /** Hint in the editor, warning in the CLI (spec §3). */
  unusedSuppressionSeverity: DiagnosticSeverity;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (code: string, error: unknown) => void;
}

interface Located extends Finding {
  severity: DiagnosticSeverity;
  line: number;
}

export function severityOf(rule: Rule, settings: IsmsSettings): Severity {
  return settings.rules[rule.code] ?? rule.defaultSeverity;
}

export function toLspSeverity(severity: Exclude<Severity, 'off'>): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function diagnose(input: DiagnoseInput): Diagnostic[] {
  const { file } = input;
  const found: Located[] = [];
  const activeCodes = new Set<string>();
  for (const rule of input.rules) {
    const severity = severityOf(rule, input.settings);
    if (severity === 'off') continue;
    activeCodes.add(rule.code);
    const lspSeverity = toLspSeverity(severity);
    const ctx: RuleContext = {
      file,
      facts: input.model.facts(file),
      model: input.model,
      today: input.today,
      settings: input.settings,
      folderUri: input.folderUri,
      host: input.host,
      report(at, message, extra) {
        const range = Array.isArray(at) ? at : rangeOf(at as Parameters<typeof rangeOf>[0]) ?? [0, 0];
        // A rule's arithmetic may yield NaN (a node without a range): never send that on.
        const start = Math.max(0, Math.min(Number.isFinite(range[0]) ? range[0] : 0, file.text.length));
        let end = Math.max(start, Math.min(Number.isFinite(range[1]) ? range[1] : start, file.text.length));
        // Block values end after their newline; a range should end on its last line.
        while (end > start && /\s/.test(file.text[end - 1]!)) end--;
        found.push({ code: rule.code, start, end, message, ...extra, severity: lspSeverity, line: file.lines.positionAt(start).line });
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      input.onRuleError?.(rule.code, error);
    }
  }
  const configured = input.settings.rules[UNUSED_SUPPRESSION];
  const unusedSeverity = configured === undefined ? input.unusedSuppressionSeverity : configured === 'off' ? undefined : toLspSeverity(configured);
  const kept = applySuppressions(file, found, activeCodes, new Set(input.rules.map((r) => r.code)), unusedSeverity);
  // Capped after suppressions, so that a silenced finding never takes a visible one's place.
  const { shown, notice } = capped(kept, file);
  shown.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // The notice leads: a reader of the list learns first that it is not complete.
  if (notice) shown.unshift(notice);
  return shown.map((finding) => toDiagnostic(finding, file, input.model));
}

/**
 * At most `max` findings: the most severe first (errors before warnings, then by
 * position), the last place taken by one notice that counts the rest. Severity decides
 * because an error changes the CLI's exit code and a cap must not hide that.
 */
function capped(findings: Located[], file: IsmsFile): { shown: Located[]; notice?: Located } {
  if (findings.length <= MAX_DIAGNOSTICS_PER_FILE) return { shown: findings };
  findings.sort((a, b) => a.severity - b.severity || a.start - b.start || a.end - b.end);
  const shown = findings.slice(0, MAX_DIAGNOSTICS_PER_FILE - 1);
  const rest = findings.slice(MAX_DIAGNOSTICS_PER_FILE - 1);
  const counts: NotShownCounts = { total: rest.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const f of rest) {
    if (f.severity === DiagnosticSeverity.Error) counts.errors++;
    else if (f.severity === DiagnosticSeverity.Warning) counts.warnings++;
    else if (f.severity === DiagnosticSeverity.Information) counts.information++;
    else counts.hints++;
  }
  // On the first line, where it is seen first; as strong as a warning when it hides
  // errors or warnings, never an error itself (the shown errors already fail the run).
  // At most 200 characters of it, like the file-size notice: a squiggle, not a highlighted megabyte.
  const firstLine = /^[^\r\n]*/.exec(file.text.slice(0, 200))![0].trimEnd();
  const notice: Located = {
    code: NOT_SHOWN_CODE,
    start: 0,
    end: firstLine.length,
    message: notShownMessage(counts),
    severity: counts.errors + counts.warnings > 0 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    line: 0,
    data: { notShown: counts },
  };
  return { shown, notice };
}

function notShownMessage(counts: NotShownCounts): string {
  return `${counts.total} more ${counts.total === 1 ? 'problem' : 'problems'} in this file ${counts.total === 1 ? 'is' : 'are'} not shown (${countsBySeverity(counts)}): ` +
    `a file gets at most ${MAX_DIAGNOSTICS_PER_FILE} diagnostics, errors first. Fix the ones shown first; the next check lists the rest.`;
}

/** `98001 errors, 2 warnings`: the non-zero counts of a notice (or of several added up). */
export function countsBySeverity(counts: NotShownCounts): string {
  return [
    counts.errors > 0 ? plural(counts.errors, 'error') : '',
    counts.warnings > 0 ? plural(counts.warnings, 'warning') : '',
    counts.information > 0 ? `${counts.information} information` : '',
    counts.hints > 0 ? plural(counts.hints, 'hint') : '',
  ].filter((part) => part !== '').join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The counts of a "not shown" notice made by `diagnose`, or undefined for any other diagnostic. */
export function notShownOf(diagnostic: Diagnostic): NotShownCounts | undefined {
  if (diagnostic.source !== SOURCE || diagnostic.code !== NOT_SHOWN_CODE) return undefined;
  const counts = (diagnostic.data as { notShown?: NotShownCounts } | undefined)?.notShown;
  return counts && typeof counts.total === 'number' ? counts : undefined;
}

function applySuppressions(file: IsmsFile, found: Located[], activeCodes: Set<string>, knownCodes: Set<string>, unusedSeverity: DiagnosticSeverity | undefined): Located[] {
  if (!file.text.includes('isms-disable-')) return found;
  const suppressions = readSuppressions(file.text, textRangesOf(file));
  if (suppressions.length === 0) return found;
  const byLine = new Map<number, Located[]>();
  for (const f of found) {
    const list = byLine.get(f.line);
    if (list) list.push(f);
    else byLine.set(f.line, [f]);
  }
  const silenced = new Set<Located>();
  const out: Located[] = [];
  for (const suppression of suppressions) {
    for (const code of suppression.codes) {
      const matches = (byLine.get(suppression.targetLine) ?? []).filter((f) => f.code === code);
      matches.forEach((m) => silenced.add(m));
      // A rule switched off in the settings is not "unused" here: the comment is still true.
      const unused = !knownCodes.has(code) || code === UNUSED_SUPPRESSION || (activeCodes.has(code) && matches.length === 0);
      if (!unused || unusedSeverity === undefined) continue;
      const message = !knownCodes.has(code) || code === UNUSED_SUPPRESSION
        ? `'${code}' is not a rule code that can be suppressed, so this comment silences nothing. Check the spelling or remove it.`
        : `Nothing on line ${suppression.targetLine + 1} reports '${code}', so this suppression is not needed. Remove it (or the code) from the comment.`;
      out.push({ code: UNUSED_SUPPRESSION, start: suppression.start, end: suppression.end, message, severity: unusedSeverity, line: suppression.commentLine, data: { suppressedCode: code } });
    }
  }
  return [...found.filter((f) => !silenced.has(f)), ...out];
}

/**
 * A test for "this offset lies inside a text value" (so a `#` there is text, not a
 * comment): the quoted scalars and block-scalar bodies of the file, collected once.
 */
function textRangesOf(file: IsmsFile): (offset: number) => boolean {
  const ranges: [number, number][] = [];
  if (file.yaml) {
    visit(file.yaml, {
      Scalar(_key, node) {
        const r = node.range;
        if (!r) return;
        // A plain scalar ends before ` #`; a block scalar's header line may carry a comment.
        if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ranges.push([r[0], r[1]]);
        else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
          const bodyStart = file.text.indexOf('\n', r[0]);
          if (bodyStart >= 0 && bodyStart < r[1]) ranges.push([bodyStart + 1, r[1]]);
        }
      },
    });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return (offset) => {
    // Ranges do not overlap: find the last one starting at or before the offset.
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![0] <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    const candidate = ranges[hi];
    return candidate !== undefined && offset < candidate[1];
  };
}

function toDiagnostic(finding: Located, file: IsmsFile, model: WorkspaceModel): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: file.lines.positionAt(finding.start), end: file.lines.positionAt(finding.end) },
    severity: finding.severity,
    code: finding.code,
    source: SOURCE,
    // Messages quote ids, keys and titles from the file: an ESC or a bidi override in
    // one must show as an escape, not act in a terminal, a SARIF viewer or the editor.
    message: escapeInvisible(finding.message),
  };
  if (finding.data) diagnostic.data = finding.data;
  if (finding.related && finding.related.length > 0) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of finding.related) {
      const other = r.uri === file.uri ? file : model.fileByUri(r.uri);
      if (!other) continue;
      related.push({ location: { uri: r.uri, range: { start: other.lines.positionAt(r.start), end: other.lines.positionAt(r.end) } }, message: escapeInvisible(r.message) });
    }
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}
