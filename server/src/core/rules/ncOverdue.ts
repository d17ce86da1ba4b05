import { compareDates, daysBetween } from '../dates';
import { stringOf } from '../parse/yamlAccess';
import { dateOf, days, isNotClosed, ncLabel } from './lifecycleFacts';
import type { Rule } from './rule';

export const ncOverdue: Rule = {
  code: 'nc-overdue',
  defaultSeverity: 'warning',
  example: 'status: open, due: 2026-10-31 (past)',
  summary: 'A nonconformity that is not closed and whose `due` date has passed.',
  help: 'Certification bodies agree a deadline for every finding and check it at the next visit; an overdue major finding can delay or suspend certification. Finish the correction and close the finding, or agree a new due date and record it.',
  check(ctx) {
    for (const nc of ctx.facts.items) {
      if (nc.kind !== 'nonconformity' || !isNotClosed(nc.map)) continue;
      const due = dateOf(nc.map, 'due');
      // Not overdue on the due date itself.
      if (!due || compareDates(due.date, ctx.today) >= 0) continue;
      const late = daysBetween(due.date, ctx.today);
      const status = stringOf(nc.map, 'status');
      ctx.report(
        due.node,
        `${ncLabel(nc.map, nc.id)} was due on ${due.text} and is not closed (status ${status}, ${days(late)} overdue). Auditors check that findings are dealt with by the agreed date; close it, or agree a new due date and record it in due.`,
        { data: { id: nc.id, due: due.text, daysOverdue: late } },
      );
    }
  },
};
