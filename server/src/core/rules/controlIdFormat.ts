import { readControlId } from './controlIds';
import type { Rule } from './rule';

export const controlIdFormat: Rule = {
  code: 'control-id-format',
  defaultSeverity: 'error',
  example: 'id: 5.10',
  summary: 'A control id without the `A.` prefix, in the wrong case, or read by YAML as a number (`5.10` becomes 5.1).',
  help: 'Annex A ids are written A.x.y. Without the prefix YAML reads 5.10 as the number 5.1 — a different control — without any warning. Write the id as A.x.y.',
  check(ctx) {
    for (const citation of ctx.facts.citations) {
      if (citation.kind !== 'control') continue;
      const reading = readControlId(citation.node);
      if (reading.kind !== 'misformatted') continue;
      const message = reading.readAsNumber
        ? `YAML reads '${reading.written}' as the number ${String(citation.node.value)}, not as a control id${reading.written !== String(citation.node.value) ? ` (so ${reading.written} would silently become ${String(citation.node.value)})` : ''}. Write '${reading.replacement}'.`
        : `'${reading.written}' is not written the way Annex A ids are. Write '${reading.replacement}'.`;
      ctx.report(citation.node, message, { data: { replacement: reading.replacement } });
    }
  },
};
