import { addYears, compareDates, formatDate } from '../dates';
import { dateOf, singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

/** ISO/IEC 17021-1: a certification cycle is at most three years. */
const MAX_VALIDITY_YEARS = 3;

export const certificateValidity: Rule = {
  code: 'certificate-validity',
  defaultSeverity: 'error',
  example: 'issued: 2026-03-02, expires: 2029-06-30',
  summary: '`expires` more than 3 years after `issued`.',
  help: 'Under ISO/IEC 17021-1 an ISO/IEC 27001 certificate is valid for at most three years, after which a recertification audit is needed. A longer validity is a typo or a certificate an auditor would not accept; check the dates on the certificate.',
  check(ctx) {
    const certificate = singletonIn(ctx.model, 'certificate', ctx.file);
    if (!certificate) return;
    const issued = dateOf(certificate.value, 'issued');
    const expires = dateOf(certificate.value, 'expires');
    if (!issued || !expires) return;
    // Calendar years, clamped at the month's end: 2028-02-29 may run to 2031-02-28.
    const limit = addYears(issued.date, MAX_VALIDITY_YEARS);
    if (compareDates(expires.date, limit) <= 0) return;
    const latest = formatDate(limit);
    ctx.report(
      expires.node,
      `The certificate expires on ${expires.text}, more than 3 years after it was issued on ${issued.text}. An ISO/IEC 27001 certificate is valid for at most 3 years (ISO/IEC 17021-1), so the latest possible expiry is ${latest}; check the dates on the certificate.`,
      { data: { latest } },
    );
  },
};
