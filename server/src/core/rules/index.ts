/**
 * The registry: every rule of spec §3, in the order of the spec's table. The README's
 * rule table, the SARIF rule metadata and the settings validation all read this list.
 */
import type { Rule } from './rule';
import { yamlSyntax } from './yamlSyntax';
import { schema } from './schema';
import { unsupportedVersion } from './unsupportedVersion';
import { duplicateSection } from './duplicateSection';
import { duplicateId } from './duplicateId';
import { controlIdFormat } from './controlIdFormat';
import { unknownControl } from './unknownControl';
import { legacyControl } from './legacyControl';
import { duplicateControl } from './duplicateControl';
import { soaIncomplete } from './soaIncomplete';
import { missingJustification } from './missingJustification';
import { missingStatus } from './missingStatus';
import { unknownAudit, unknownEvidence, unknownPerson } from './unknownReference';
import { unknownClause } from './unknownClause';
import { EVIDENCE_AND_PEOPLE_RULES } from './evidenceAndPeople';
import { LIFECYCLE_RULES } from './lifecycle';

export const ALL_RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  unsupportedVersion,
  duplicateSection,
  duplicateId,
  controlIdFormat,
  unknownControl,
  legacyControl,
  duplicateControl,
  soaIncomplete,
  missingJustification,
  missingStatus,
  unknownPerson,
  unknownEvidence,
  unknownAudit,
  unknownClause,
  ...EVIDENCE_AND_PEOPLE_RULES,
  ...LIFECYCLE_RULES,
];

/** Not a rule that runs: produced by the suppression engine, listed for docs and SARIF. */
export const UNUSED_SUPPRESSION_INFO = {
  code: 'unused-suppression',
  defaultSeverity: 'warning' as const,
  summary: 'A suppression comment whose code silences nothing on its line (or is not a rule code). Hint in the editor, warning in the CLI.',
  help: 'A suppression that no longer matches a finding hides nothing today but would hide a future problem. Remove the code from the comment.',
};

export const RULE_CODES: ReadonlySet<string> = new Set([...ALL_RULES.map((r) => r.code), UNUSED_SUPPRESSION_INFO.code]);

export function ruleByCode(code: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.code === code);
}
