import { isScalar } from 'yaml';
import { valueOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

export const excludedControlReferenced: Rule = {
  code: 'excluded-control-referenced',
  defaultSeverity: 'warning',
  example: 'risk controls: [A.7.4] while A.7.4 is applicable: false',
  summary: 'A risk or nonconformity cites a control that the SoA marks not applicable.',
  help: 'The Statement of Applicability must agree with the risk treatment (clause 6.1.3): a control needed to treat a risk, or one a finding was raised against, cannot also be excluded. Either make the control applicable in the SoA (with its justification) or cite a different control.',
  check(ctx) {
    for (const citation of ctx.facts.citations) {
      if (citation.kind !== 'control') continue;
      if (citation.section !== 'risks' && citation.section !== 'nonconformities') continue;
      // The first SoA entry for a control is the one that counts (a second is duplicate-control).
      const entry = ctx.model.soaEntriesFor(citation.value)[0];
      const applicable = entry ? valueOf(entry.map, 'applicable') : undefined;
      if (!entry || !isScalar(applicable) || applicable.value !== false) continue;
      const holderId = valueOf(citation.holder, 'id');
      const id = isScalar(holderId) && typeof holderId.value === 'string' ? holderId.value : undefined;
      const control = citation.value;
      const message = citation.section === 'risks'
        ? `${id ? `Risk ${id}` : 'This risk'} is treated with ${control}, which the SoA marks as not applicable. An auditor will ask why a control needed to treat a risk is excluded; make ${control} applicable in the SoA (and update its justification) or choose another control.`
        : `${id ? `Nonconformity ${id}` : 'This nonconformity'} is raised against ${control}, which the SoA marks as not applicable. A finding against an excluded control contradicts the SoA; review the exclusion and make ${control} applicable, or correct the control cited.`;
      ctx.report(citation.node, message, {
        data: { controlId: control },
        related: applicable.range ? [{ uri: entry.file.uri, start: applicable.range[0], end: applicable.range[1], message: `${control} is marked not applicable here` }] : undefined,
      });
    }
  },
};
