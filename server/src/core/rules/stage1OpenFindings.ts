import { stringOf } from '../parse/yamlAccess';
import { findingIds, findingsRelated, listFindings, openFindingsOfAuditType, scalarValueOf } from './lifecycleFacts';
import type { Rule } from './rule';

export const stage1OpenFindings: Rule = {
  code: 'stage1-open-findings',
  defaultSeverity: 'error',
  example: 'stage-2 completed, stage-1 NC still open',
  summary: 'A `stage-2` audit `completed` while a nonconformity raised by a `stage-1` audit is not closed.',
  help: 'Stage 1 checks that the ISMS is ready for the certification audit; its findings must be resolved before stage 2, or the certification body may stop the audit or refuse certification. Close the stage 1 findings (with evidence and verification) before the stage 2 audit.',
  check(ctx) {
    for (const audit of ctx.facts.items) {
      if (audit.kind !== 'audit' || stringOf(audit.map, 'type') !== 'stage-2' || stringOf(audit.map, 'status') !== 'completed') continue;
      const open = openFindingsOfAuditType(ctx.model, 'stage-1');
      if (open.length === 0) continue;
      const findings = open.length === 1 ? `stage 1 finding ${listFindings(open)} is` : `stage 1 findings ${listFindings(open)} are`;
      ctx.report(
        scalarValueOf(audit.map, 'status'),
        `${audit.id ? `Stage 2 audit ${audit.id}` : 'This stage 2 audit'} is completed while ${findings} not closed. Certification bodies expect stage 1 findings to be resolved before stage 2; close them with evidence and verification.`,
        {
          data: { id: audit.id, findings: findingIds(open) },
          related: findingsRelated(open),
        },
      );
    }
  },
};
