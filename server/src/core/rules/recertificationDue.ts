import { compareDates, daysBetween } from '../dates';
import { stringOf } from '../parse/yamlAccess';
import { dateOf, days, singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

/** How long before expiry a recertification audit must be on the plan. */
const WARNING_DAYS = 90;

export const recertificationDue: Rule = {
  code: 'recertification-due',
  defaultSeverity: 'warning',
  example: 'expires in 60 days, no recertification audit',
  summary: 'The certificate expires within 90 days and no `recertification` audit is planned.',
  help: 'The recertification audit must be completed, and its findings resolved, before the certificate expires; certification bodies book it months ahead. Agree a date with the certification body and add a `recertification` audit (status planned) to `audits`.',
  check(ctx) {
    const certificate = singletonIn(ctx.model, 'certificate', ctx.file);
    if (!certificate) return;
    const expires = dateOf(certificate.value, 'expires');
    if (!expires) return;
    const left = daysBetween(ctx.today, expires.date);
    // 0..90 days; an expired certificate is certificate-expired's.
    if (left < 0 || left > WARNING_DAYS) return;
    const issued = dateOf(certificate.value, 'issued');
    const planned = ctx.model.items('audit').some((audit) => {
      if (stringOf(audit.map, 'type') !== 'recertification') return false;
      const date = dateOf(audit.map, 'date');
      return !!date && (!issued || compareDates(date.date, issued.date) >= 0) && compareDates(date.date, expires.date) <= 0;
    });
    if (planned) return;
    const when = left === 0 ? 'today' : `in ${days(left)}`;
    ctx.report(
      expires.node,
      `The certificate expires on ${expires.text} (${when}) and no recertification audit is planned before then. Without a recertification audit before expiry the certification lapses; agree a date with the certification body and add a recertification audit to audits.`,
      { data: { expires: expires.text, daysLeft: left } },
    );
  },
};
