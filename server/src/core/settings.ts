/**
 * Rule severities and tunables, read from ONE place both the editor and the CLI honour:
 * `isms.config.yaml` at the root of the workspace folder. The editor's settings may
 * override it (they are merged on top by the LSP server).
 */
import { isMap, parseDocument } from 'yaml';
import { escapeInvisible } from './visibleText';

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'information', 'warning', 'error'];

export const CONFIG_FILE_NAME = 'isms.config.yaml';

export interface IsmsSettings {
  /** Per-rule severity overrides; rules not named keep their default. */
  readonly rules: Readonly<Record<string, Severity>>;
  /** Evidence older than this many days is stale (`evidence-stale`). */
  readonly evidenceMaxAgeDays: number;
}

export const DEFAULT_SETTINGS: IsmsSettings = { rules: {}, evidenceMaxAgeDays: 365 };

export interface ConfigResult {
  settings: IsmsSettings;
  /** Human-readable problems with the configuration file (unknown keys, bad values). */
  problems: string[];
}

/** Parses `isms.config.yaml`. Unknown rule codes and bad values are reported, never fatal. */
export function parseConfig(text: string, knownCodes: ReadonlySet<string>): ConfigResult {
  const problems: string[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return { settings: DEFAULT_SETTINGS, problems: [`${CONFIG_FILE_NAME}: not valid YAML (${escapeInvisible(doc.errors[0]!.message)}); using default settings.`] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { settings: DEFAULT_SETTINGS, problems: [`${CONFIG_FILE_NAME}: too many aliases; using default settings.`] };
  }
  if (value === null || value === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (!isMap(doc.contents) || typeof value !== 'object') return { settings: DEFAULT_SETTINGS, problems: [`${CONFIG_FILE_NAME}: the top level must be a mapping; using default settings.`] };
  const record = value as Record<string, unknown>;
  const rules: Record<string, Severity> = {};
  let evidenceMaxAgeDays = DEFAULT_SETTINGS.evidenceMaxAgeDays;
  for (const [key, v] of Object.entries(record)) {
    if (key === 'rules') {
      if (v === null) continue;
      if (typeof v !== 'object' || Array.isArray(v)) {
        problems.push(`${CONFIG_FILE_NAME}: 'rules' must map rule codes to one of ${SEVERITIES.join(', ')}.`);
        continue;
      }
      Object.assign(rules, readSeverities(v as Record<string, unknown>, knownCodes, problems));
    } else if (key === 'evidenceMaxAgeDays') {
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) evidenceMaxAgeDays = v;
      else problems.push(`${CONFIG_FILE_NAME}: 'evidenceMaxAgeDays' must be a positive whole number of days.`);
    } else {
      problems.push(`${CONFIG_FILE_NAME}: unknown setting '${escapeInvisible(key)}' (known: rules, evidenceMaxAgeDays).`);
    }
  }
  return { settings: { rules, evidenceMaxAgeDays }, problems };
}

/** Validates a code → severity map (also used for the editor's `isms.rules` setting). */
export function readSeverities(input: Record<string, unknown>, knownCodes: ReadonlySet<string>, problems: string[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const [code, severity] of Object.entries(input)) {
    if (!knownCodes.has(code)) {
      problems.push(`${CONFIG_FILE_NAME}: unknown rule code '${escapeInvisible(code)}'.`);
      continue;
    }
    // YAML reads a bare `off` as the string "off" (YAML 1.2 core schema); accept false too.
    const normalized = severity === false ? 'off' : severity;
    if (typeof normalized !== 'string' || !(SEVERITIES as readonly string[]).includes(normalized)) {
      problems.push(`${CONFIG_FILE_NAME}: the severity of '${code}' must be one of ${SEVERITIES.join(', ')}.`);
      continue;
    }
    out[code] = normalized as Severity;
  }
  return out;
}

/** Layers settings: later layers win rule by rule. */
export function mergeSettings(base: IsmsSettings, override: Partial<IsmsSettings> | undefined): IsmsSettings {
  if (!override) return base;
  return {
    rules: { ...base.rules, ...(override.rules ?? {}) },
    evidenceMaxAgeDays: override.evidenceMaxAgeDays ?? base.evidenceMaxAgeDays,
  };
}
