import { ncRequirementRule } from './ncRequirement';

export const ncMissingCorrectionEvidence = ncRequirementRule({
  code: 'nc-missing-correction-evidence',
  example: 'status: corrected without correctionEvidence',
  summary: 'A nonconformity `corrected` or `closed` without `correctionEvidence`.',
  help: 'Clause 10.2 requires documented information on the actions taken; an auditor will not accept a correction that cannot be shown. Add the evidence to the register and cite its ids in `correctionEvidence`.',
  property: 'correctionEvidence',
  statuses: ['corrected', 'closed'],
  describe: (label, status) =>
    `${label} is ${status} without evidence of correction. Auditors ask to see that the problem itself was fixed; cite the evidence ids in correctionEvidence.`,
});
