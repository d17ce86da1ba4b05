/**
 * `isms report soa|pre-assessment|nonconformities [PATH] [--format md|html|csv] [-o FILE]
 * [--force] [--today YYYY-MM-DD]` (spec §5, §6): the same report the editor's command
 * writes, to standard output or to a file that is never overwritten without --force.
 */
import * as path from 'node:path';
import { REPORT_FORMATS, REPORT_KINDS, renderReport, type ReportFormat, type ReportKind } from '../core/reports/index';
import { TargetExistsError, writeFileAtomic } from '../node/atomicWrite';
import { createDiskHost } from '../node/diskHost';
import { optionValue, parseArgs, type OptionSpec } from './args';
import { resolveCheckTargets } from './checkTargets';
import type { Command } from './command';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { clockFor, loadWorkspace } from './workspaceLoader';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'FORMAT', choices: REPORT_FORMATS },
  { name: 'output', alias: 'o', value: 'FILE' },
  { name: 'force' },
  { name: 'today', value: 'YYYY-MM-DD' },
];

const HELP = `Usage: isms report soa|pre-assessment|nonconformities [PATH] [--format md|html|csv] [-o FILE] [--force]

Generates an audit document from the ISMS in PATH (a workspace folder or ISMS files;
default: the current folder).

Reports:
  soa                  Statement of Applicability: all 93 Annex A controls by theme,
                       with applicability, justification, status, owner and evidence
  pre-assessment       Internal pre-assessment: scope, SoA status, risk register,
                       evidence coverage, open nonconformities, phase progress
  nonconformities      Nonconformity register with actions, owners and evidence

Options:
  -f, --format FORMAT  md (default), html (one self-contained printable file) or csv
  -o, --output FILE    Write to FILE instead of standard output
  --force              Overwrite FILE if it exists (without it, an existing file is
                       left alone and the command exits 2)
  --today YYYY-MM-DD   Judge dates as of this day (overrides ISMS_TODAY)
  -h, --help           Show this help

Exit status: 0 written; 2 bad usage, unreadable input or a file that would be overwritten.
`;

export const reportCommand: Command = {
  name: 'report',
  synopsis: 'soa|pre-assessment|nonconformities [PATH]',
  summary: 'Generate the SoA, pre-assessment report or nonconformity register',
  help: () => HELP,
  run(argv, io) {
    const parsed = parseArgs(argv, OPTIONS, 'report');
    const [kind, ...paths] = parsed.positionals;
    if (kind === undefined) throw new CliError(`which report? (${REPORT_KINDS.join(', ')})`, 'report');
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown report '${kind}' (reports: ${REPORT_KINDS.join(', ')})`, 'report');
    const format = (optionValue(parsed, 'format') ?? 'md') as ReportFormat;
    const output = optionValue(parsed, 'output');
    const force = parsed.options.get('force') === true;
    if (force && output === undefined) throw new CliError('--force only applies with -o FILE', 'report');
    const today = clockFor(optionValue(parsed, 'today'), io, 'report');
    const targets = resolveCheckTargets(paths, io.cwd);
    if (targets.length !== 1) throw new CliError('a report covers one ISMS: give one folder, or the files of one ISMS', 'report');
    const internalErrors: string[] = [];
    const workspace = loadWorkspace(targets[0]!, createDiskHost(), today, io, internalErrors);
    const content = renderReport(workspace, kind as ReportKind, format);
    for (const message of internalErrors) io.stderr(`isms: internal error: ${message}\n`);
    if (internalErrors.length > 0) return EXIT_USAGE;
    if (output === undefined) {
      io.stdout(content);
      return EXIT_OK;
    }
    return writeReport(path.resolve(io.cwd, output), output, content, force, io);
  },
};

function writeReport(target: string, shown: string, content: string, force: boolean, io: CliIo): number {
  try {
    writeFileAtomic(target, content, force);
  } catch (error) {
    if (error instanceof TargetExistsError) throw new CliError(`'${shown}' already exists; use --force to overwrite it`, 'report');
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write '${shown}' (${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))})`, 'report');
  }
  io.stderr(`isms: wrote ${shown}\n`);
  return EXIT_OK;
}
