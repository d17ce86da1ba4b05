/**
 * Phase 2, the certification audit: auditor, stage 1, stage 2, certificate (spec §4).
 */
import { addYears, compareDates, daysBetween } from '../dates';
import { dateOf } from '../rules/lifecycleFacts';
import {
  auditsOfType, findingChildren, findingsOfAuditTypes, findingsSummary, isPastDue, itemLocation, keyLocation, latestAudit,
  nextPlanned, onDate, openFindings, plural, sectionLocation, textOf, type PhaseContext, type StepDraft,
} from './phaseFacts';

export function auditorStep(ctx: PhaseContext): StepDraft {
  const body = ctx.model.singleton('certificationBody');
  if (!body) return { state: 'not-started', detail: 'No certification body chosen yet' };
  const name = textOf(body.value, 'name') ?? 'Certification body';
  const accreditation = textOf(body.value, 'accreditation');
  if (accreditation) return { state: 'done', detail: `${name}, accredited by ${accreditation}`, ...sectionLocation(body) };
  return { state: 'in-progress', detail: `${name}: no accreditation recorded`, ...(keyLocation(body, 'accreditation') ?? sectionLocation(body)) };
}

const STAGE_LABEL: Record<string, string> = { 'stage-1': 'stage 1 audit', 'stage-2': 'stage 2 audit' };

/** Stage 1 and stage 2: a completed audit of the type and all its findings closed. */
export function stageStep(type: 'stage-1' | 'stage-2'): (ctx: PhaseContext) => StepDraft {
  return (ctx) => {
    const audits = auditsOfType(ctx.model, type);
    if (audits.length === 0) return { state: 'not-started', detail: `No ${STAGE_LABEL[type]} planned yet` };
    const completed = latestAudit(audits.filter((a) => a.completed));
    const open = openFindings(ctx, type);
    const children = findingChildren(open, ctx.today);
    const overdue = open.some((f) => f.overdue);
    if (completed) {
      const all = findingsOfAuditTypes(ctx.model, type).length;
      const head = `${completed.id} completed ${onDate(completed)}`;
      if (open.length === 0) {
        const closed = all === 0 ? 'no findings' : all === 1 ? '1 finding, closed' : `${all} findings, all closed`;
        return { state: 'done', detail: `${head} · ${closed}`, ...itemLocation(completed.item) };
      }
      return { state: 'in-progress', attention: overdue, detail: `${head} · ${findingsSummary(open)}`, ...itemLocation(completed.item), children };
    }
    const planned = nextPlanned(audits, ctx.today) ?? latestAudit(audits)!;
    const pastDue = isPastDue(planned, ctx.today);
    const detail = [
      `${planned.id} ${planned.planned ? 'planned for' : `(${planned.status ?? 'no status'})`} ${onDate(planned)}`,
      pastDue ? 'date passed, record the outcome' : '',
      open.length > 0 ? findingsSummary(open) : '',
    ].filter(Boolean).join(' · ');
    return { state: 'in-progress', attention: pastDue || overdue, detail, ...itemLocation(planned.item), children };
  };
}

export function certificateStep(ctx: PhaseContext): StepDraft {
  const certificate = ctx.model.singleton('certificate');
  if (!certificate) return { state: 'not-started', detail: 'No certificate recorded yet' };
  const where = sectionLocation(certificate);
  const number = textOf(certificate.value, 'number');
  const name = number ? `Certificate ${number}` : 'Certificate';
  const issued = dateOf(certificate.value, 'issued');
  const expires = dateOf(certificate.value, 'expires');
  if (!issued || !expires) {
    const missing = [issued ? '' : 'issued', expires ? '' : 'expires'].filter(Boolean).join(' and ');
    return { state: 'in-progress', detail: `${name} recorded without a valid ${missing} date`, ...where };
  }
  const at = keyLocation(certificate, 'expires') ?? where;
  if (compareDates(expires.date, issued.date) <= 0) {
    return { state: 'in-progress', attention: true, detail: `${name} expires (${expires.text}) on or before it was issued (${issued.text})`, ...at };
  }
  if (compareDates(expires.date, addYears(issued.date, 3)) > 0) {
    return { state: 'in-progress', attention: true, detail: `${name} is valid for more than 3 years (${issued.text} to ${expires.text})`, ...at };
  }
  const left = daysBetween(ctx.today, expires.date);
  if (left < 0) return { state: 'in-progress', attention: true, detail: `${name} expired on ${expires.text}, ${plural(-left, 'day')} ago`, ...at };
  if (compareDates(issued.date, ctx.today) > 0) return { state: 'in-progress', detail: `${name} to be issued on ${issued.text}`, ...where };
  const when = left === 0 ? 'expires today' : `expires in ${plural(left, 'day')}`;
  return { state: 'done', detail: `${name} ${when} (${expires.text})`, ...where };
}

/** The issued/expires window of a recorded certificate, or undefined. */
export function certificateWindow(ctx: PhaseContext): { issued: ReturnType<typeof dateOf>; expires: NonNullable<ReturnType<typeof dateOf>> } | undefined {
  const certificate = ctx.model.singleton('certificate');
  const expires = certificate ? dateOf(certificate.value, 'expires') : undefined;
  if (!certificate || !expires) return undefined;
  return { issued: dateOf(certificate.value, 'issued'), expires };
}
