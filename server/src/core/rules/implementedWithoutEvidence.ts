import { isScalar } from 'yaml';
import { scalarOf, scalarsOf, valueOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

export const implementedWithoutEvidence: Rule = {
  code: 'implemented-without-evidence',
  defaultSeverity: 'warning',
  example: 'status: implemented without evidence:',
  summary: 'An SoA entry with `status: implemented` that cites no evidence.',
  help: 'For an implemented control, auditors ask to see the proof: a policy, a record, a screenshot, a log. List the evidence ids in `evidence`, or set the status to what is true (partially-implemented, planned).',
  check(ctx) {
    for (const entry of ctx.facts.soaEntries) {
      const applicable = valueOf(entry.map, 'applicable');
      if (isScalar(applicable) && applicable.value === false) continue;
      const status = scalarOf(entry.map, 'status');
      if (status?.value !== 'implemented') continue;
      const cited = scalarsOf(entry.map, 'evidence').filter((s) => typeof s.value === 'string' && s.value.trim() !== '');
      if (cited.length > 0) continue;
      const label = entry.id ?? 'This control';
      ctx.report(
        status,
        `${label} is marked implemented but cites no evidence; auditors ask to see proof of every implemented control. List the evidence ids in 'evidence', or set status to partially-implemented or planned.`,
        { data: entry.id !== undefined ? { controlId: entry.id } : {} },
      );
    }
  },
};
