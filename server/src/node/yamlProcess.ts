/**
 * What the bundled `yaml` package gets for `require('process')` (see
 * scripts/esbuildPlugins.mjs). `yaml` reads `process.env.LOG_TOKENS` once per token and
 * `process.env.LOG_STREAM` once per document: debugging switches for its own developers.
 * On Node every read of `process.env` is a call into C++ (an environment lookup); on our
 * large benchmark corpus those reads were a quarter of the parse time. Here `env` is an
 * empty object, so the switches are simply off; warnings still reach Node's `process`.
 */
export const env: Readonly<Record<string, string | undefined>> = Object.freeze({});

export function emitWarning(warning: string | Error): void {
  process.emitWarning(warning);
}
