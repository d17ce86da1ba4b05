import { ncRequirementRule } from './ncRequirement';

export const ncMissingRemediationEvidence = ncRequirementRule({
  code: 'nc-missing-remediation-evidence',
  example: 'severity: major, status: closed, no remediationEvidence',
  summary: 'A major nonconformity `closed` without `remediationEvidence`.',
  help: 'For a major nonconformity the certification body must see that the root cause was removed (corrective action, clause 10.2), not only that the symptom was fixed; without it the finding stays open and certification is withheld. Cite the evidence ids in `remediationEvidence`.',
  property: 'remediationEvidence',
  statuses: ['closed'],
  severities: ['major'],
  describe: (label) =>
    `${label} is closed without evidence of remediation. Auditors require evidence that the root cause was removed; cite it in remediationEvidence.`,
});
