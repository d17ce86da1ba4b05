import { isScalar } from 'yaml';
import { firstKeyOf, isBlank, valueOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

export const missingStatus: Rule = {
  code: 'missing-status',
  defaultSeverity: 'warning',
  example: '{id: A.5.3, applicable: true, justification: …}',
  summary: 'An applicable control without `status`.',
  help: 'For every applicable control the SoA records how far it is implemented, which is what the pre-assessment and the auditors check. Set status to implemented, partially-implemented, planned or not-implemented.',
  check(ctx) {
    for (const entry of ctx.facts.soaEntries) {
      const applicable = valueOf(entry.map, 'applicable');
      if (!isScalar(applicable) || applicable.value !== true) continue;
      if (!isBlank(entry.map, 'status')) continue;
      ctx.report(entry.idNode ?? firstKeyOf(entry.map) ?? entry.map, `${entry.id ?? 'This control'} is applicable but has no implementation status. Set status to implemented, partially-implemented, planned or not-implemented.`);
    }
  },
};
