/**
 * The editor's `isms.*` settings (VS Code `settings.json`) as a settings layer over
 * `isms.config.yaml`. Invalid entries are dropped with a log line, never fatal.
 */
import { RULE_CODES } from '../core/rules/index';
import { readSeverities, type IsmsSettings } from '../core/settings';

export interface ClientSettings {
  /** Rule code → off | hint | information | warning | error. */
  rules?: Record<string, unknown>;
  evidence?: { maxAgeDays?: unknown };
}

export function settingsFromClient(raw: unknown, log: (message: string) => void): Partial<IsmsSettings> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const client = raw as ClientSettings;
  const problems: string[] = [];
  const out: { rules?: IsmsSettings['rules']; evidenceMaxAgeDays?: number } = {};
  if (client.rules && typeof client.rules === 'object' && !Array.isArray(client.rules)) {
    out.rules = readSeverities(client.rules, RULE_CODES, problems);
  }
  const maxAge = client.evidence?.maxAgeDays;
  if (typeof maxAge === 'number' && Number.isInteger(maxAge) && maxAge > 0) out.evidenceMaxAgeDays = maxAge;
  else if (maxAge !== undefined && maxAge !== null) problems.push("isms.evidence.maxAgeDays must be a positive whole number of days.");
  for (const problem of problems) log(problem.replace(/^isms\.config\.yaml: /, 'settings: '));
  return out;
}
