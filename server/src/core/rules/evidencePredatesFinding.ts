import { compareDates, formatDate, parseDate } from '../dates';
import { stringOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

const WHAT: Readonly<Record<string, string>> = {
  correctionEvidence: 'correction',
  remediationEvidence: 'remediation',
};

export const evidencePredatesFinding: Rule = {
  code: 'evidence-predates-finding',
  defaultSeverity: 'warning',
  example: 'correctionEvidence collected before raised',
  summary: 'Correction or remediation evidence of a nonconformity `collected` before the nonconformity was `raised`.',
  help: 'Evidence of a correction must show what was done after the finding; evidence from before it cannot prove the fix, and auditors reject it. Cite evidence collected on or after the `raised` date, or correct the dates.',
  check(ctx) {
    for (const citation of ctx.facts.citations) {
      if (citation.section !== 'nonconformities' || citation.kind !== 'evidence') continue;
      const what = WHAT[citation.field];
      if (!what) continue;
      const raised = parseDate(stringOf(citation.holder, 'raised'));
      const evidence = ctx.model.item('evidence', citation.value);
      const collected = parseDate(stringOf(evidence?.map, 'collected'));
      if (!raised || !collected || compareDates(collected, raised) >= 0) continue;
      const ncId = stringOf(citation.holder, 'id');
      const finding = ncId ?? 'the nonconformity';
      ctx.report(
        citation.node,
        `Evidence ${citation.value} was collected on ${formatDate(collected)}, before ${finding} was raised on ${formatDate(raised)}, so it cannot show the ${what} of this finding. Cite evidence collected on or after ${formatDate(raised)}, or correct the dates.`,
        { data: { evidenceId: citation.value, nonconformityId: ncId, field: citation.field, collected: formatDate(collected), raised: formatDate(raised) } },
      );
    }
  },
};
