/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps).
 * One run; the driver lists every rule with its summary, help and default level, and
 * each result points at the file relative to `%SRCROOT%` (the current folder) with a
 * 1-based region. Columns count UTF-16 code units, as LSP does.
 */
import { pathToUri } from '../core/uri';
import { escapeInvisibleInJson } from '../core/visibleText';
import { ALL_RULES, UNUSED_SUPPRESSION_INFO } from '../core/rules/index';
import type { Severity } from '../core/settings';
import { codeOf, severityName, type CheckResult, type SeverityName } from './findings';
import { VERSION } from './version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

interface RuleInfo {
  code: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  summary: string;
  help: string;
  example: string;
}

/** Every rule the CLI can report, in the registry's order (ruleIndex refers to it). */
export function sarifRules(): RuleInfo[] {
  return [...ALL_RULES, UNUSED_SUPPRESSION_INFO].map((r) => ({ code: r.code, defaultSeverity: r.defaultSeverity, summary: r.summary, help: r.help, example: r.example }));
}

export function sarifLevel(severity: SeverityName | Exclude<Severity, 'off'>): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function toSarif(result: CheckResult, cwd: string): object {
  const rules = sarifRules();
  const index = new Map(rules.map((rule, i) => [rule.code, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'isms',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.summary },
              fullDescription: { text: `${rule.summary} ${rule.help}` },
              help: { text: `${rule.help}\nExample: ${rule.example}`, markdown: `${rule.help}\n\nExample: \`${rule.example}\`` },
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
            })),
          },
        },
        // Lets a consumer resolve the relative result URIs on this machine.
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(cwd).replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map(({ file, diagnostic }) => {
          const code = codeOf(diagnostic);
          const ruleIndex = index.get(code);
          const { start, end } = diagnostic.range;
          return {
            ruleId: code,
            ...(ruleIndex !== undefined ? { ruleIndex } : {}),
            level: sarifLevel(severityName(diagnostic.severity)),
            message: { text: diagnostic.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(file),
                  region: {
                    startLine: start.line + 1,
                    startColumn: start.character + 1,
                    endLine: end.line + 1,
                    endColumn: end.character + 1,
                  },
                },
              },
            ],
          };
        }),
      },
    ],
  };
}

export function formatSarif(result: CheckResult, cwd: string): string {
  // Lossless: only characters JSON would leave raw become `\u` escapes (see formatJson).
  return escapeInvisibleInJson(JSON.stringify(toSarif(result, cwd), null, 2)) + '\n';
}

/**
 * A `/`-separated relative path as a URI reference under `%SRCROOT%`, each segment
 * percent-encoded (`a b` → `a%20b`); a path that is absolute (another drive) stays an
 * absolute `file:` URI, which SARIF forbids to combine with a base id.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/') || /^[A-Za-z]:\//.test(file)) return { uri: pathToUri(file) };
  const uri = file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}
