/**
 * `isms check [PATH...] [--format text|json|sarif] [--today YYYY-MM-DD]` (spec §6): the
 * same core as the language server, run over the disk, printed for people or machines.
 */
import type { CalendarDate } from '../core/dates';
import { MAX_DIAGNOSTICS_PER_FILE } from '../core/diagnostics/diagnose';
import type { WorkspaceHost } from '../core/host';
import { CONFIG_FILE_NAME } from '../core/settings';
import { createDiskHost } from '../node/diskHost';
import { optionValue, parseArgs, type OptionSpec } from './args';
import { resolveCheckTargets, type CheckTarget } from './checkTargets';
import type { Command } from './command';
import { displayPath, hasErrors, sortFindings, type CheckResult, type CliFinding } from './findings';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, useColour, type CliIo } from './io';
import { clockFor, loadWorkspace } from './workspaceLoader';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'FORMAT', choices: CHECK_FORMATS },
  { name: 'today', value: 'YYYY-MM-DD' },
];

const HELP = `Usage: isms check [PATH...] [--format text|json|sarif] [--today YYYY-MM-DD]

Checks an ISMS kept as .isms.yaml files and prints every problem found, like a compiler.

Arguments:
  PATH                 A workspace folder, scanned for *.isms.yaml and *.isms.yml files
                       (node_modules and dot-folders are skipped), or ISMS files. Each
                       folder is one ISMS; all the files given are checked together as
                       one ISMS. Default: the current folder.

Options:
  -f, --format FORMAT  text   path:line:col: severity code message (default)
                       json   one JSON array of {file, range, severity, code, message},
                              with 0-based LSP ranges
                       sarif  SARIF 2.1.0, for code-scanning services
  --today YYYY-MM-DD   Judge every date as of this day (overrides ISMS_TODAY)
  -h, --help           Show this help

Rule severities come from ${CONFIG_FILE_NAME} in the workspace folder. A comment
"# isms-disable-line CODE" or "# isms-disable-next-line CODE" silences a finding.
Each file lists at most ${MAX_DIAGNOSTICS_PER_FILE} findings, errors first; when it has more, the last
place goes to a notice on its first line that counts the rest, as the summary does.

Exit status:
  0  no error-level problem
  1  at least one error-level problem
  2  bad usage, a path that does not exist or cannot be read, or an internal error

Environment:
  ISMS_TODAY           The day to judge dates by, when --today is not given
  NO_COLOR             Turns off colours in text output
`;

export const checkCommand: Command = {
  name: 'check',
  synopsis: '[PATH...]',
  summary: 'Check ISMS files and print the problems found',
  help: () => HELP,
  run(argv, io) {
    const parsed = parseArgs(argv, OPTIONS, 'check');
    const format = (optionValue(parsed, 'format') ?? 'text') as (typeof CHECK_FORMATS)[number];
    const today = clockFor(optionValue(parsed, 'today'), io, 'check');
    const targets = resolveCheckTargets(parsed.positionals, io.cwd);
    const { result, internalErrors } = checkTargets(targets, createDiskHost(), today, io);

    if (format === 'json') io.stdout(formatJson(result));
    else if (format === 'sarif') io.stdout(formatSarif(result, io.cwd));
    else io.stdout(formatText(result, useColour(io)));

    // A rule that crashed leaves the check incomplete: CI must not read that as a pass.
    for (const message of internalErrors) io.stderr(`isms: internal error: ${message}\n`);
    if (internalErrors.length > 0) return EXIT_USAGE;
    return hasErrors(result.findings) ? EXIT_FINDINGS : EXIT_OK;
  },
};

/**
 * Checks every target with a fresh workspace. Problems with the input (a folder that
 * cannot be listed, a file that cannot be read) throw CliError; lesser ones (config
 * problems, a skipped subfolder) are printed as warnings on stderr.
 */
export function checkTargets(
  targets: readonly CheckTarget[],
  host: WorkspaceHost,
  today: () => CalendarDate,
  io: CliIo,
): { result: CheckResult; internalErrors: string[] } {
  const findings: CliFinding[] = [];
  const checked = new Set<string>();
  const internalErrors: string[] = [];
  for (const target of targets) {
    const workspace = loadWorkspace(target, host, today, io, internalErrors);
    for (const { uri, diagnostics } of workspace.diagnoseAll()) {
      checked.add(uri);
      const file = displayPath(uri, io.cwd);
      for (const diagnostic of diagnostics) findings.push({ uri, file, diagnostic });
    }
  }
  return { result: { findings: sortFindings(findings), checkedFiles: checked.size }, internalErrors };
}
