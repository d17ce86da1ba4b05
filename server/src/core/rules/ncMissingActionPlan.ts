import { ncRequirementRule } from './ncRequirement';

export const ncMissingActionPlan = ncRequirementRule({
  code: 'nc-missing-action-plan',
  example: 'status: closed without actionPlan',
  summary: 'A nonconformity `corrected` or `closed` without an `actionPlan`.',
  help: 'Clause 10.2 asks for the action taken on a nonconformity and its causes; auditors read the action plan to judge whether the correction fits the finding. Describe the plan in `actionPlan` before marking the finding corrected or closed.',
  property: 'actionPlan',
  statuses: ['corrected', 'closed'],
  describe: (label, status) =>
    `${label} is ${status} without an action plan. Auditors expect a documented plan that corrects the finding and keeps it from recurring; describe it in actionPlan.`,
});
