import { ncRequirementRule } from './ncRequirement';

export const ncUnverified = ncRequirementRule({
  code: 'nc-unverified',
  example: 'status: closed without verifiedBy',
  summary: 'A nonconformity `closed` without `verifiedBy`.',
  help: 'Clause 10.2 asks that the effectiveness of corrective action be reviewed; auditors expect each closure to be checked by someone other than the person who fixed it. Name the verifier (a person id) in `verifiedBy`.',
  property: 'verifiedBy',
  statuses: ['closed'],
  describe: (label) =>
    `${label} is closed but no one is recorded as having verified it. Auditors expect the correction to be checked as effective before closure; name the verifier in verifiedBy.`,
});
