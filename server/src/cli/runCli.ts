/**
 * Dispatch: `isms <command> [args]`, `isms help [command]`, `isms --help`,
 * `isms --version`. Adding a command is one entry in COMMANDS. Nothing here throws:
 * usage problems become `isms: <message>` and exit 2, and so do internal errors.
 */
import { escapeInvisible } from '../core/visibleText';
import { wantsHelp } from './args';
import { checkCommand } from './checkCommand';
import type { Command } from './command';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { reportCommand } from './reportCommand';
import { statusCommand } from './statusCommand';
import { VERSION } from './version';

export const COMMANDS: readonly Command[] = [checkCommand, reportCommand, statusCommand];

export function generalHelp(): string {
  const left = (c: Command): string => `${c.name} ${c.synopsis}`;
  const width = Math.max(...COMMANDS.map((c) => left(c).length), 'help [COMMAND]'.length) + 2;
  const row = (name: string, text: string): string => `  ${name.padEnd(width)}${text}`;
  return [
    `isms ${VERSION} — check an ISO/IEC 27001 ISMS kept as .isms.yaml files`,
    '',
    'Usage: isms <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => row(left(c), c.summary)),
    row('help [COMMAND]', 'Show the help of a command'),
    '',
    'Options:',
    row('-h, --help', 'Show this help'),
    row('-v, --version', 'Print the version'),
    '',
    "Run 'isms help <command>' for the options of a command.",
    '',
  ].join('\n');
}

/** Runs the CLI and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      // Messages quote paths, which may come from folder listings as well as the command line.
      io.stderr(`isms: ${escapeInvisible(error.message)}\n`);
      if (error.usageHint !== undefined) io.stderr(`Run 'isms ${error.usageHint ? error.usageHint + ' ' : ''}--help' for usage.\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`isms: internal error: ${escapeInvisible(message)}\n`);
    if (io.env.ISMS_DEBUG && error instanceof Error && error.stack) io.stderr(escapeInvisible(error.stack, '\n') + '\n');
    return EXIT_USAGE;
  }
}

function dispatch(argv: readonly string[], io: CliIo): number {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(generalHelp());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(generalHelp());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.stdout(generalHelp());
      return EXIT_OK;
    }
    if (rest.length > 1) throw new CliError(`'help' takes at most one command name`, '');
    return showHelp(findCommand(rest[0]!), io);
  }
  if (first.startsWith('-')) throw new CliError(`unknown option '${first}'`, '');
  const command = findCommand(first);
  if (wantsHelp(rest)) return showHelp(command, io);
  return command.run(rest, io);
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, '');
  return command;
}

function showHelp(command: Command, io: CliIo): number {
  io.stdout(command.help());
  return EXIT_OK;
}
