import { isScalar } from 'yaml';
import { firstKeyOf, isBlank, pairOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

export const missingJustification: Rule = {
  code: 'missing-justification',
  defaultSeverity: 'error',
  example: '{id: A.5.2, applicable: true}',
  summary: 'An SoA entry without a non-empty justification (required for inclusion and exclusion alike).',
  help: 'Auditors read the SoA for the reason behind every decision: why a control is needed, or why it can be left out. Write the justification in one or two sentences.',
  check(ctx) {
    for (const entry of ctx.facts.soaEntries) {
      if (!isBlank(entry.map, 'justification')) continue;
      const pair = pairOf(entry.map, 'justification');
      const label = entry.id ?? 'This SoA entry';
      const applicable = pairOf(entry.map, 'applicable')?.value;
      const why = isScalar(applicable) && applicable.value === false ? 'why it is excluded' : 'why it is included';
      ctx.report(pair ? pair.key : firstKeyOf(entry.map) ?? entry.map, `${label} has no justification. The SoA must say ${why}; write it in 'justification'.`);
    }
  },
};
