import { closestControlIds, searchControls } from '../catalog';
import { orList } from '../text/closest';
import { readControlId } from './controlIds';
import type { Rule } from './rule';

export const unknownControl: Rule = {
  code: 'unknown-control',
  defaultSeverity: 'error',
  example: 'id: A.5.38',
  summary: 'An `A.x.y` that is not one of the 93 controls of ISO/IEC 27001:2022 Annex A; the message suggests the closest id.',
  help: 'Annex A of ISO/IEC 27001:2022 has 93 controls: A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14 and A.8.1–A.8.34. Use one of these ids.',
  check(ctx) {
    for (const citation of ctx.facts.citations) {
      if (citation.kind !== 'control') continue;
      const reading = readControlId(citation.node);
      if (reading.kind !== 'unknown') continue;
      const byTitle = /^A\.\d/.test(reading.written) ? [] : searchControls(reading.written).slice(0, 3).map((c) => c.id);
      const suggestions = byTitle.length > 0 ? byTitle : closestControlIds(reading.written, 3);
      const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '';
      const message = /^A\.\d+\.\d+(\.\d+)?$/.test(reading.written)
        ? `${reading.written} is not a control of ISO/IEC 27001:2022 Annex A (its 93 controls run A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34).${hint}`
        : `'${reading.written}' is not an Annex A control id; write ids like A.5.15.${hint}`;
      ctx.report(citation.node, message, { data: { suggestions } });
    }
  },
};
