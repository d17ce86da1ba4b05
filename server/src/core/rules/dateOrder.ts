/**
 * `date-order`: the four impossible orders of spec §9. Each is reported on the value that
 * is out of order with the other (the later-named date of the pair), in the file being
 * diagnosed; the other date may live in another file and is given as related information.
 */
import { compareDates } from '../dates';
import { stringOf } from '../parse/yamlAccess';
import { auditOf, auditTypeLabel, dateOf, ncLabel, singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

export const dateOrder: Rule = {
  code: 'date-order',
  defaultSeverity: 'error',
  example: 'raised: 2026-09-20, due: 2026-09-01',
  summary: "Dates in an impossible order: a nonconformity due before it was raised, or raised before its audit; a certificate that expires on or before its issue date; a completed audit dated in the future.",
  help: 'Auditors read the dates of the ISMS as its history; a date out of order makes the record unreliable and usually hides a typo. Correct whichever of the two dates is wrong.',
  check(ctx) {
    for (const item of ctx.facts.items) {
      if (item.kind === 'nonconformity') {
        const label = ncLabel(item.map, item.id);
        const raised = dateOf(item.map, 'raised');
        const due = dateOf(item.map, 'due');
        if (raised && due && compareDates(due.date, raised.date) < 0) {
          ctx.report(due.node, `${label} is due on ${due.text}, before it was raised on ${raised.text}. A due date must follow the date the finding was raised; correct due or raised.`, {
            related: [{ uri: ctx.file.uri, start: raised.node.range![0], end: raised.node.range![1], message: 'raised here' }],
          });
        }
        const audit = auditOf(ctx.model, item.map);
        const auditDate = audit ? dateOf(audit.map, 'date') : undefined;
        if (raised && audit && auditDate && compareDates(raised.date, auditDate.date) < 0) {
          ctx.report(raised.node, `${label} was raised on ${raised.text}, before ${auditTypeLabel(stringOf(audit.map, 'type'))} ${audit.id} took place on ${auditDate.text}. A finding cannot predate the audit that raised it; correct raised or the audit's date.`, {
            related: [{ uri: audit.file.uri, start: auditDate.node.range![0], end: auditDate.node.range![1], message: `date of ${audit.id}` }],
          });
        }
      } else if (item.kind === 'audit') {
        if (stringOf(item.map, 'status') !== 'completed') continue;
        const date = dateOf(item.map, 'date');
        if (!date || compareDates(date.date, ctx.today) <= 0) continue;
        const name = `${auditTypeLabel(stringOf(item.map, 'type'))} ${item.id ?? ''}`.trim();
        ctx.report(date.node, `The ${name} is marked completed but is dated ${date.text}, after today. An audit cannot have taken place in the future; set status to planned, or correct the date.`, {
          data: { id: item.id, status: 'planned' },
        });
      }
    }
    const certificate = singletonIn(ctx.model, 'certificate', ctx.file);
    if (certificate) {
      const issued = dateOf(certificate.value, 'issued');
      const expires = dateOf(certificate.value, 'expires');
      if (issued && expires && compareDates(expires.date, issued.date) <= 0) {
        const when = compareDates(expires.date, issued.date) === 0 ? 'on the day it was issued' : `before it was issued on ${issued.text}`;
        ctx.report(expires.node, `The certificate expires on ${expires.text}, ${when}. A certificate is valid for a period after its issue date (at most 3 years); correct issued or expires.`, {
          related: [{ uri: ctx.file.uri, start: issued.node.range![0], end: issued.node.range![1], message: 'issued here' }],
        });
      }
    }
  },
};
