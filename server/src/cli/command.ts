/**
 * The shape of a subcommand (`isms check`, `isms report`, `isms status`): a name, a
 * line for the general help, its own help text, and a run function that returns the
 * exit code. A command reports usage problems by throwing CliError.
 */
import type { CliIo } from './io';

export interface Command {
  readonly name: string;
  /** Arguments shown after the name in the general help (`[PATH...]`). */
  readonly synopsis: string;
  /** One line for the general help. */
  readonly summary: string;
  /** The full text of `isms <name> --help`. */
  help(): string;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(argv: readonly string[], io: CliIo): number;
}
