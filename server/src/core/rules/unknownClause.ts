import { closestClauseIds, isClauseId } from '../catalog';
import { orList } from '../text/closest';
import type { Rule } from './rule';

export const unknownClause: Rule = {
  code: 'unknown-clause',
  defaultSeverity: 'error',
  example: 'clause: "11.1"',
  summary: 'A `clause` that is not a clause of ISO/IEC 27001:2022 (4.1 … 10.2).',
  help: 'A nonconformity against the management system cites a clause of ISO/IEC 27001:2022, from 4.1 (context of the organization) to 10.2 (nonconformity and corrective action). Use one of these.',
  check(ctx) {
    for (const citation of ctx.facts.citations) {
      if (citation.kind !== 'clause' || isClauseId(citation.value)) continue;
      const suggestions = closestClauseIds(citation.value).slice(0, 3);
      const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '';
      ctx.report(citation.node, `'${citation.value}' is not a clause of ISO/IEC 27001:2022, whose requirements run from 4.1 to 10.2 (e.g. 9.2 Internal audit).${hint}`, { data: { suggestions } });
    }
  },
};
