import { compareDates, daysBetween } from '../dates';
import { dateOf, days, singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

export const certificateExpired: Rule = {
  code: 'certificate-expired',
  defaultSeverity: 'error',
  example: 'expires: 2026-01-31 (past)',
  summary: '`certificate.expires` is before today.',
  help: 'An expired certificate no longer attests conformity to customers or auditors, and certification must start again with a full audit unless it is restored quickly. Complete the recertification audit and record the new certificate.',
  check(ctx) {
    const certificate = singletonIn(ctx.model, 'certificate', ctx.file);
    const expires = certificate ? dateOf(certificate.value, 'expires') : undefined;
    // Still valid on the expiry date itself.
    if (!expires || compareDates(expires.date, ctx.today) >= 0) return;
    ctx.report(
      expires.node,
      `The certificate expired on ${expires.text}, ${days(daysBetween(expires.date, ctx.today))} ago. An expired certificate no longer attests conformity; complete a recertification audit and record the new certificate's issued and expires dates.`,
    );
  },
};
