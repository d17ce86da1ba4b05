import { addMonths, compareDates, formatDate, type CalendarDate } from '../dates';
import { stringOf } from '../parse/yamlAccess';
import { EXTERNAL_AUDIT_TYPES, auditTypeLabel, dateOf, latest, singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

/** Certification bodies audit at least once a calendar year between certification and recertification. */
const SURVEILLANCE_MONTHS = 12;

export const surveillanceOverdue: Rule = {
  code: 'surveillance-overdue',
  defaultSeverity: 'warning',
  example: 'last external audit 13 months ago',
  summary: 'Certified, and more than 12 months since the last completed external audit (`stage-2`, `surveillance`, `recertification`).',
  help: 'During the three-year cycle the certification body holds a surveillance audit at least once a year (ISO/IEC 17021-1); a missed surveillance audit can lead to suspension of the certificate. Agree the surveillance audit with the certification body and record it in `audits` once completed.',
  check(ctx) {
    const certificate = singletonIn(ctx.model, 'certificate', ctx.file);
    if (!certificate) return;
    const expires = dateOf(certificate.value, 'expires');
    if (expires && compareDates(expires.date, ctx.today) < 0) return; // certificate-expired's
    const events: { date: CalendarDate; text: string; what: string }[] = [];
    const issued = dateOf(certificate.value, 'issued');
    if (issued) events.push({ ...issued, what: `the certificate was issued on ${issued.text}` });
    for (const audit of ctx.model.items('audit')) {
      const type = stringOf(audit.map, 'type');
      if (!type || !EXTERNAL_AUDIT_TYPES.has(type) || stringOf(audit.map, 'status') !== 'completed') continue;
      const date = dateOf(audit.map, 'date');
      if (date) events.push({ ...date, what: `the last external audit, ${auditTypeLabel(type)}${audit.id ? ` ${audit.id}` : ''}, was completed on ${date.text}` });
    }
    const last = latest(events);
    if (!last) return;
    // "More than 12 calendar months old", counted back from today (spec §9);
    // exactly 12 months is not overdue.
    const nextDue = addMonths(last.date, SURVEILLANCE_MONTHS);
    if (compareDates(last.date, addMonths(ctx.today, -SURVEILLANCE_MONTHS)) >= 0) return;
    ctx.report(
      certificate.key,
      `No surveillance audit is recorded for more than 12 months: ${last.what}, so the next was due by ${formatDate(nextDue)}. Certification bodies audit at least once a year to keep a certificate valid, and a missed surveillance audit can suspend it; hold the surveillance audit and record it in audits as completed.`,
      { data: { lastExternalAudit: last.text, nextDue: formatDate(nextDue) } },
    );
  },
};
