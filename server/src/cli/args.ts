/**
 * A small, strict argument parser shared by every command: long options with a value
 * (`--format json` or `--format=json`), flags (`--force`), short aliases (`-o FILE`),
 * `--` to end the options. Anything unknown is a usage error, never ignored.
 */
import { CliError } from './io';

export interface OptionSpec {
  /** Long name without the dashes: `format` for `--format`. */
  readonly name: string;
  /** One-letter alias without the dash: `o` for `-o`. */
  readonly alias?: string;
  /** Name of the value in messages (`FORMAT`); absent for a flag. */
  readonly value?: string;
  /** The allowed values, when the option is an enumeration. */
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  /** Option values by long name; flags are `true`. */
  readonly options: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

/** True when the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/**
 * Parses `argv` against `specs`; throws CliError (with `command` as the usage hint)
 * for an unknown option, a missing or disallowed value, or an option given twice.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const fail = (message: string): never => {
    throw new CliError(message, command);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(long ? 2 : 1);
    const spec = specs.find((s) => (long ? s.name === name : s.alias === name));
    if (!spec) fail(`unknown option '${eq >= 0 ? arg.slice(0, eq) : arg}'`);
    const shown = long ? `--${spec!.name}` : `-${spec!.alias}`;
    if (options.has(spec!.name)) fail(`option '${shown}' is given more than once`);
    if (spec!.value === undefined) {
      if (eq >= 0) fail(`option '${shown}' takes no value`);
      options.set(spec!.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1]!.startsWith('-') && argv[i + 1] !== '-')) value = argv[++i];
    if (value === undefined || value === '') {
      fail(`option '${shown}' needs a value (${spec!.choices ? spec!.choices.join('|') : spec!.value})`);
    }
    if (spec!.choices && !spec!.choices.includes(value!)) {
      fail(`'${value}' is not a valid value for '${shown}' (expected ${spec!.choices.join(', ')})`);
    }
    options.set(spec!.name, value!);
  }
  return { options, positionals };
}

/** The value of a valued option, or undefined when it was not given. */
export function optionValue(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
