import { daysBetween, formatDate, parseDate } from '../dates';
import { scalarOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

export const evidenceStale: Rule = {
  code: 'evidence-stale',
  defaultSeverity: 'warning',
  example: 'collected: 2024-01-10',
  summary: 'Evidence whose `collected` date is more than 365 days (setting `evidenceMaxAgeDays`) before today.',
  help: 'Auditors judge whether a control operates now; evidence older than the review cycle shows only that it once did. Collect the evidence again and update `collected` (the window is the `evidenceMaxAgeDays` setting).',
  check(ctx) {
    const maxAge = ctx.settings.evidenceMaxAgeDays;
    for (const item of ctx.facts.items) {
      if (item.kind !== 'evidence') continue;
      const node = scalarOf(item.map, 'collected');
      const collected = parseDate(node?.value);
      if (!node || !collected) continue;
      const age = daysBetween(collected, ctx.today);
      if (age <= maxAge) continue;
      const label = item.id !== undefined ? `Evidence ${item.id}` : 'This evidence';
      ctx.report(
        node,
        `${label} was collected on ${formatDate(collected)}, ${age} days ago; auditors expect evidence from the last ${maxAge} days. Collect it again and update 'collected'.`,
        { data: { id: item.id, collected: formatDate(collected), ageDays: age, maxAgeDays: maxAge } },
      );
    }
  },
};
