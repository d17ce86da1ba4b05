/**
 * One problem, one diagnostic (spec §9). Where a dedicated rule covers a value, or the
 * presence of a field, the `schema` check stays silent about it. This table is the single
 * place that says which schema complaints belong to which rule.
 *
 * | instance path                          | what the rule owns                      | rule(s)                                            |
 * |----------------------------------------|-----------------------------------------|----------------------------------------------------|
 * | /isms (and below)                      | anything                                | unsupported-version                                |
 * | /soa/controls/N/id                     | the value, when text or a number        | control-id-format, unknown-control, legacy-control |
 * | /risks/N/controls/M                    | the value, when text or a number        | control-id-format, unknown-control, legacy-control |
 * | /nonconformities/N/control             | the value, when text or a number        | control-id-format, unknown-control, legacy-control |
 * | /nonconformities/N/clause              | the value, when text or a number        | unknown-clause                                     |
 * | /soa/controls/N/justification          | missing or empty                        | missing-justification                              |
 * | /soa/controls/N/status                 | missing or empty                        | missing-status                                     |
 * | /nonconformities/N/actionPlan          | missing or empty                        | nc-missing-action-plan                             |
 * | /nonconformities/N/verifiedBy          | missing or empty                        | nc-unverified                                      |
 * | /nonconformities/N/correctionEvidence  | missing or empty                        | nc-missing-correction-evidence                     |
 * | /nonconformities/N/remediationEvidence | missing or empty                        | nc-missing-remediation-evidence                    |
 * | /certificationBody/accreditation       | missing or empty                        | auditor-not-accredited                             |
 * | /evidence/N/link                       | the form of a text value (not its type) | evidence-invalid-link and the other link rules     |
 *
 * "Empty" is: no value (`key:` alone, `~`, `null`), a blank string, or an empty list.
 * What stays with the schema: a mapping or a list where a control id or clause belongs;
 * a justification, status … of the wrong non-empty type; a missing `link` (required) or
 * a `link` that is not text.
 */
import type { ErrorObject } from 'ajv';

/** What part of the schema's complaints about a path a rule owns. */
export type Ownership =
  /** Every error at the path or below it. */
  | 'anything'
  /** Errors about the value at the path, when the value is a string or a number. */
  | 'id-value'
  /** Required-property errors for the path, and any error about its value when empty. */
  | 'missing-or-empty'
  /** Errors about the form (not the type) of a string value. */
  | 'text-form';

export interface SchemaExemption {
  /** Instance path, property names separated by `/`; `*` stands for one list index. */
  readonly path: string;
  readonly owns: Ownership;
  /** The rule codes that report the problem instead. */
  readonly rules: readonly string[];
}

const CONTROL_RULES = ['control-id-format', 'unknown-control', 'legacy-control'];

/** The ownership table (see the file comment). */
export const SCHEMA_EXEMPTIONS: readonly SchemaExemption[] = [
  { path: '/isms', owns: 'anything', rules: ['unsupported-version'] },
  { path: '/soa/controls/*/id', owns: 'id-value', rules: CONTROL_RULES },
  { path: '/risks/*/controls/*', owns: 'id-value', rules: CONTROL_RULES },
  { path: '/nonconformities/*/control', owns: 'id-value', rules: CONTROL_RULES },
  { path: '/nonconformities/*/clause', owns: 'id-value', rules: ['unknown-clause'] },
  { path: '/soa/controls/*/justification', owns: 'missing-or-empty', rules: ['missing-justification'] },
  { path: '/soa/controls/*/status', owns: 'missing-or-empty', rules: ['missing-status'] },
  { path: '/nonconformities/*/actionPlan', owns: 'missing-or-empty', rules: ['nc-missing-action-plan'] },
  { path: '/nonconformities/*/verifiedBy', owns: 'missing-or-empty', rules: ['nc-unverified'] },
  { path: '/nonconformities/*/correctionEvidence', owns: 'missing-or-empty', rules: ['nc-missing-correction-evidence'] },
  { path: '/nonconformities/*/remediationEvidence', owns: 'missing-or-empty', rules: ['nc-missing-remediation-evidence'] },
  { path: '/certificationBody/accreditation', owns: 'missing-or-empty', rules: ['auditor-not-accredited'] },
  {
    path: '/evidence/*/link',
    owns: 'text-form',
    rules: [
      'evidence-invalid-link',
      'evidence-outside-workspace',
      'evidence-absolute-path',
      'evidence-insecure-link',
      'evidence-missing-file',
    ],
  },
];

/** Splits a JSON pointer into its unescaped segments (`/a~1b/0` → `['a/b', '0']`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function matches(pattern: readonly string[], segments: readonly string[], prefix: boolean): boolean {
  if (prefix ? segments.length < pattern.length : segments.length !== pattern.length) return false;
  return pattern.every((p, i) => (p === '*' ? /^\d+$/.test(segments[i]!) : p === segments[i]));
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

const compiledTable = SCHEMA_EXEMPTIONS.map((e) => ({ ...e, segments: pointerSegments(e.path) }));

/**
 * The exemption that owns an Ajv error, if any: the error must then not become a
 * `schema` finding, because the named rule reports the same problem. Needs Ajv's
 * `verbose` errors (`data` is the value at `instancePath`).
 */
export function exemptionFor(error: ErrorObject): SchemaExemption | undefined {
  const missing = error.keyword === 'required' ? String(error.params['missingProperty']) : undefined;
  const segments = pointerSegments(error.instancePath);
  if (missing !== undefined) segments.push(missing);
  for (const entry of compiledTable) {
    switch (entry.owns) {
      case 'anything':
        if (matches(entry.segments, segments, true)) return entry;
        break;
      case 'id-value':
        if (missing === undefined && matches(entry.segments, segments, false)) {
          if (typeof error.data === 'string' || typeof error.data === 'number') return entry;
        }
        break;
      case 'missing-or-empty':
        if (matches(entry.segments, segments, false) && (missing !== undefined || isEmpty(error.data))) return entry;
        break;
      case 'text-form':
        if (missing === undefined && matches(entry.segments, segments, false)) {
          if (typeof error.data === 'string' && error.keyword !== 'type') return entry;
        }
        break;
    }
  }
  return undefined;
}
