import { getControl, getLegacyControl } from '../catalog';
import { readControlId } from './controlIds';
import type { Rule } from './rule';

export const legacyControl: Rule = {
  code: 'legacy-control',
  defaultSeverity: 'warning',
  example: 'id: A.9.2.1',
  summary: 'An ISO/IEC 27001:2013 control id (`A.9.2.1`); the message names the 2022 control(s) it became.',
  help: 'Certification now runs against ISO/IEC 27001:2022, whose Annex A renumbered and merged the 114 controls of 2013 into 93. Replace the 2013 id with the 2022 control(s) it became.',
  check(ctx) {
    for (const citation of ctx.facts.citations) {
      if (citation.kind !== 'control') continue;
      const reading = readControlId(citation.node);
      if (reading.kind !== 'legacy') continue;
      const legacy = getLegacyControl(reading.id)!;
      const targets = legacy.ids2022.map((id) => `${id} ${getControl(id)?.title ?? ''}`.trim());
      const became = targets.length === 1 ? `became ${targets[0]}` : `was split between ${targets.join(' and ')}`;
      const action = targets.length === 1 ? `Write ${legacy.ids2022[0]}.` : 'Cite the 2022 control(s) that fit.';
      ctx.report(citation.node, `${reading.id} (${legacy.title2013}) is an ISO/IEC 27001:2013 control id; in the 2022 Annex A it ${became}. ${action}`, {
        data: { ids2022: [...legacy.ids2022], ...(legacy.ids2022.length === 1 ? { replacement: legacy.ids2022[0] } : {}) },
      });
    }
  },
};
