/**
 * What a command may touch of the process: its arguments arrive separately, and
 * everything else (folder, environment, output streams) comes through this object,
 * so that the commands stay testable and never call `process.exit`.
 */
import { escapeInvisible } from '../core/visibleText';

export interface CliIo {
  /** The current folder; relative paths in arguments and output are relative to it. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** True when standard output is a terminal (colours are allowed). */
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of every command (spec §6). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A problem the user can fix, printed as `isms: <message>` with exit code 2.
 * `usageHint` names the command whose `--help` to point at (`''` for the top level).
 */
export class CliError extends Error {
  constructor(message: string, readonly usageHint?: string) {
    super(message);
  }
}

/** The real process: `process.stdout`, `process.stderr`, `process.cwd()`. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: CliIo): boolean {
  return io.stdoutIsTTY && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '');
}

/**
 * Prints a warning that does not change the exit code. Warnings name folders and config
 * keys from the workspace, so their control characters are shown, never sent raw.
 */
export function warn(io: CliIo, message: string): void {
  io.stderr(`isms: warning: ${escapeInvisible(message)}\n`);
}
