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
import { implementedWithoutEvidence } from './implementedWithoutEvidence';
import { excludedControlReferenced } from './excludedControlReferenced';
import { unknownAudit, unknownEvidence, unknownPerson } from './unknownReference';
import { unknownClause } from './unknownClause';
import { evidenceMissingFile } from './evidenceMissingFile';
import { evidenceOutsideWorkspace } from './evidenceOutsideWorkspace';
import { evidenceAbsolutePath } from './evidenceAbsolutePath';
import { evidenceInsecureLink } from './evidenceInsecureLink';
import { evidenceInvalidLink } from './evidenceInvalidLink';
import { evidenceStale } from './evidenceStale';
import { roleConflict } from './roleConflict';
import { ncMissingActionPlan } from './ncMissingActionPlan';
import { ncMissingCorrectionEvidence } from './ncMissingCorrectionEvidence';
import { ncMissingRemediationEvidence } from './ncMissingRemediationEvidence';
import { ncUnverified } from './ncUnverified';
import { ncOverdue } from './ncOverdue';
import { dateOrder } from './dateOrder';
import { stage1OpenFindings } from './stage1OpenFindings';
import { certificateOpenFindings } from './certificateOpenFindings';
import { certificateValidity } from './certificateValidity';
import { certificateExpired } from './certificateExpired';
import { recertificationDue } from './recertificationDue';
import { auditorNotAccredited } from './auditorNotAccredited';
import { reviewOverdue } from './reviewOverdue';
import { surveillanceOverdue } from './surveillanceOverdue';
import { evidencePredatesFinding } from './evidencePredatesFinding';
import { placeholderText } from './placeholderText';

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
  implementedWithoutEvidence,
  excludedControlReferenced,
  unknownPerson,
  unknownEvidence,
  unknownAudit,
  unknownClause,
  evidenceMissingFile,
  evidenceOutsideWorkspace,
  evidenceAbsolutePath,
  evidenceInsecureLink,
  evidenceInvalidLink,
  evidenceStale,
  roleConflict,
  ncMissingActionPlan,
  ncMissingCorrectionEvidence,
  ncMissingRemediationEvidence,
  ncUnverified,
  ncOverdue,
  dateOrder,
  stage1OpenFindings,
  certificateOpenFindings,
  certificateValidity,
  certificateExpired,
  recertificationDue,
  auditorNotAccredited,
  reviewOverdue,
  surveillanceOverdue,
  evidencePredatesFinding,
  placeholderText,
];

/** Not a rule that runs: produced by the suppression engine, listed for docs and SARIF. */
export const UNUSED_SUPPRESSION_INFO = {
  code: 'unused-suppression',
  defaultSeverity: 'warning' as const,
  example: '# isms-disable-line evidence-stale on a line without that finding',
  summary: 'A suppression comment whose code silences nothing on its line (or is not a rule code). Hint in the editor, warning in the CLI.',
  help: 'A suppression that no longer matches a finding hides nothing today but would hide a future problem. Remove the code from the comment.',
};

export const RULE_CODES: ReadonlySet<string> = new Set([...ALL_RULES.map((r) => r.code), UNUSED_SUPPRESSION_INFO.code]);

export function ruleByCode(code: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.code === code);
}
