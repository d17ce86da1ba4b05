import { findingIds, findingsRelated, listFindings, openFindingsOfAuditType, scalarValueOf, singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

export const certificateOpenFindings: Rule = {
  code: 'certificate-open-findings',
  defaultSeverity: 'error',
  example: 'certificate issued, stage-2 NC open',
  summary: 'A certificate issued while a nonconformity raised by the `stage-2` audit is not closed.',
  help: 'A certification body grants certification only once the stage 2 findings are resolved (major ones with verified corrective action). A certificate recorded with open stage 2 findings contradicts the audit record; close the findings, or correct the certificate.',
  check(ctx) {
    const certificate = singletonIn(ctx.model, 'certificate', ctx.file);
    if (!certificate) return;
    const open = openFindingsOfAuditType(ctx.model, 'stage-2');
    if (open.length === 0) return;
    const findings = open.length === 1 ? `stage 2 finding ${listFindings(open)} is` : `stage 2 findings ${listFindings(open)} are`;
    ctx.report(
      scalarValueOf(certificate.value, 'issued') ?? certificate.key,
      `The certificate is recorded as issued while ${findings} not closed. Certification is granted only once stage 2 findings are resolved; close them with evidence and verification.`,
      {
        data: { findings: findingIds(open) },
        related: findingsRelated(open),
      },
    );
  },
};
