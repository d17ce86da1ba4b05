/**
 * `isms status [PATH] [--format text|json] [--today YYYY-MM-DD]` (spec §4, §6, §9): the
 * certification journey — the 12 steps of the three phases — as the editor's tree shows it.
 */
import { computePhases, phasesToJson, phasesToText } from '../core/phases/phaseModel';
import { escapeInvisible, escapeInvisibleInJson } from '../core/visibleText';
import { createDiskHost } from '../node/diskHost';
import { optionValue, parseArgs, type OptionSpec } from './args';
import { resolveCheckTargets } from './checkTargets';
import type { Command } from './command';
import { displayPath } from './findings';
import { CliError, EXIT_OK, EXIT_USAGE } from './io';
import { clockFor, loadWorkspace } from './workspaceLoader';

const FORMATS = ['text', 'json'] as const;

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'FORMAT', choices: FORMATS },
  { name: 'ascii' },
  { name: 'today', value: 'YYYY-MM-DD' },
];

const HELP = `Usage: isms status [PATH] [--format text|json] [--today YYYY-MM-DD]

Shows the certification journey of the ISMS in PATH (default: the current folder):
planning & preparation, certification audit and maintenance, each step done,
in progress, not started or needing attention, with where its data lives.

Options:
  -f, --format FORMAT  text (default) or json: {"phases":[{"id","title","steps":
                       [{"id","title","state","detail","file","line"}]}]}
                       (file relative to the current folder, line 1-based)
  --ascii              Plain ASCII markers ([x] [~] [ ] [!]) instead of symbols
  --today YYYY-MM-DD   Judge dates as of this day (overrides ISMS_TODAY)
  -h, --help           Show this help

Exit status: 0 shown; 2 bad usage or unreadable input.
`;

export const statusCommand: Command = {
  name: 'status',
  synopsis: '[PATH]',
  summary: 'Show the certification phase progress',
  help: () => HELP,
  run(argv, io) {
    const parsed = parseArgs(argv, OPTIONS, 'status');
    const format = (optionValue(parsed, 'format') ?? 'text') as (typeof FORMATS)[number];
    const today = clockFor(optionValue(parsed, 'today'), io, 'status');
    const targets = resolveCheckTargets(parsed.positionals, io.cwd);
    if (targets.length !== 1) throw new CliError('status covers one ISMS: give one folder, or the files of one ISMS', 'status');
    const internalErrors: string[] = [];
    const workspace = loadWorkspace(targets[0]!, createDiskHost(), today, io, internalErrors);
    const progress = computePhases(workspace);
    const relative = (uri: string) => displayPath(uri, io.cwd);
    // Step details quote names and titles from the files: nothing of theirs may act in a terminal.
    if (format === 'json') io.stdout(escapeInvisibleInJson(JSON.stringify(phasesToJson(progress, relative), null, 2)) + '\n');
    else io.stdout(escapeInvisible(phasesToText(progress, { ascii: parsed.options.get('ascii') === true, relative }), '\n'));
    for (const message of internalErrors) io.stderr(`isms: internal error: ${message}\n`);
    return internalErrors.length > 0 ? EXIT_USAGE : EXIT_OK;
  },
};
