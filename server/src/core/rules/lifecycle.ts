/**
 * Nonconformity lifecycle and certification cycle (spec §3; issue 3), in the order of
 * the spec's rule table.
 */
import type { Rule } from './rule';
import { excludedControlReferenced } from './excludedControlReferenced';
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

export const LIFECYCLE_RULES: readonly Rule[] = [
  excludedControlReferenced,
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
];
