/**
 * Phase 3, maintenance: internal reviews on cadence, surveillance audits, recertification
 * (spec §4). The overdue conditions are those of the `review-overdue`,
 * `surveillance-overdue` and `recertification-due` rules (spec §9), computed here from
 * the dates so that the step can say what is due when.
 */
import { addMonths, compareDates, daysBetween, formatDate, type CalendarDate } from '../dates';
import { stringOf } from '../parse/yamlAccess';
import { EXTERNAL_AUDIT_TYPES, dateOf } from '../rules/lifecycleFacts';
import { certificateWindow } from './auditSteps';
import {
  auditsOfType, findingChildren, findingsSummary, isPastDue, itemLocation, keyLocation, latestAudit, listSectionLocation,
  nextPlanned, onDate, openFindings, plural, sectionLocation, type PhaseContext, type StepDraft,
} from './phaseFacts';

/** Types whose findings belong to the internal-reviews step. */
const INTERNAL_REVIEW_TYPES = ['internal-audit', 'management-review'];

export function internalReviewsStep(ctx: PhaseContext): StepDraft {
  const { model, today } = ctx;
  const organization = model.singleton('organization');
  const semiannual = stringOf(organization?.value, 'reviewCadence') === 'semiannual';
  const months = semiannual ? 6 : 12;
  const cadence = semiannual ? 'semiannual' : 'annual';
  const internal = auditsOfType(model, 'internal-audit');
  const last = latestAudit(internal.filter((a) => a.completed && a.date));
  const planned = nextPlanned(internal, today);
  // Internal audits are required once certified or past stage 1 (the review-overdue rule).
  const required = model.singleton('certificate') !== undefined || auditsOfType(model, 'stage-1').some((a) => a.completed);
  const nextDue = last?.date ? addMonths(last.date.date, months) : undefined;
  const onTime = !!nextDue && compareDates(nextDue, today) >= 0;
  const open = openFindings(ctx, ...INTERNAL_REVIEW_TYPES);
  const children = findingChildren(open, today);
  const where = (last ? itemLocation(last.item) : planned ? itemLocation(planned.item) : undefined)
    ?? listSectionLocation(model, 'audits') ?? keyLocation(organization, 'reviewCadence');
  const plannedPart = planned && !onTime ? `${planned.id} planned for ${onDate(planned)}${isPastDue(planned, today) ? ', date passed' : ''}` : '';
  const findingsPart = open.length > 0 ? findingsSummary(open) : '';
  const overdueFindings = open.some((f) => f.overdue);
  if (last && onTime) {
    return {
      state: 'done',
      attention: overdueFindings,
      detail: [`${last.id} completed ${onDate(last)}`, `next due by ${formatDate(nextDue!)}`, findingsPart].filter(Boolean).join(' · '),
      ...where,
      children,
    };
  }
  if (last) {
    const lastPart = `Last internal audit ${last.id} on ${onDate(last)}; next was due by ${formatDate(nextDue!)} (${cadence} cadence)`;
    return { state: 'in-progress', attention: required || overdueFindings, detail: [lastPart, plannedPart, findingsPart].filter(Boolean).join(' · '), ...where, children };
  }
  if (required) {
    return {
      state: planned ? 'in-progress' : 'not-started',
      attention: true,
      detail: [`No internal audit completed (${cadence} cadence required once past stage 1)`, plannedPart, findingsPart].filter(Boolean).join(' · '),
      ...where,
      children,
    };
  }
  if (planned) return { state: 'in-progress', attention: overdueFindings, detail: [plannedPart, findingsPart].filter(Boolean).join(' · '), ...where, children };
  return { state: 'not-started', attention: overdueFindings, detail: [`No internal audit yet (${cadence} cadence)`, findingsPart].filter(Boolean).join(' · '), ...where, children };
}

const SURVEILLANCE_MONTHS = 12;

export function surveillanceStep(ctx: PhaseContext): StepDraft {
  const { model, today } = ctx;
  const certificate = model.singleton('certificate');
  const window = certificateWindow(ctx);
  const open = openFindings(ctx, 'surveillance');
  const children = findingChildren(open, today);
  const overdueFindings = open.some((f) => f.overdue);
  const audits = auditsOfType(model, 'surveillance');
  const planned = nextPlanned(audits, today);
  const fallback = (planned ? itemLocation(planned.item) : undefined) ?? sectionLocation(certificate);
  if (!certificate || !window) return { state: 'not-started', attention: overdueFindings, detail: 'Starts once certified', ...fallback, children };
  if (compareDates(window.expires.date, today) < 0) {
    return { state: 'not-started', attention: overdueFindings, detail: `Certificate expired on ${window.expires.text}; surveillance resumes after recertification`, ...fallback, children };
  }
  // The latest of the issue date and the completed external audits starts the 12 months.
  const events: { date: CalendarDate; what: string }[] = [];
  if (window.issued) events.push({ date: window.issued.date, what: `certificate issued ${window.issued.text}` });
  for (const audit of model.items('audit')) {
    const type = stringOf(audit.map, 'type');
    const date = dateOf(audit.map, 'date');
    if (type && EXTERNAL_AUDIT_TYPES.has(type) && stringOf(audit.map, 'status') === 'completed' && date) {
      events.push({ date: date.date, what: `${audit.id ?? type} completed ${date.text}` });
    }
  }
  let last = events[0];
  for (const event of events) if (!last || compareDates(event.date, last.date) > 0) last = event;
  const nextDue = last ? addMonths(last.date, SURVEILLANCE_MONTHS) : undefined;
  const overdue = !!nextDue && compareDates(nextDue, today) < 0;
  const inCycle = audits.filter((a) => a.completed && a.date && (!window.issued || compareDates(a.date.date, window.issued.date) >= 0));
  const completed = latestAudit(inCycle);
  const where = (completed ? itemLocation(completed.item) : undefined) ?? fallback;
  const duePart = nextDue ? `next due by ${formatDate(nextDue)}` : '';
  const plannedPart = planned
    ? `${planned.id} planned for ${onDate(planned)}${planned.date && nextDue && compareDates(planned.date.date, nextDue) > 0 ? ' (after the due date)' : ''}`
    : 'none planned';
  const findingsPart = open.length > 0 ? findingsSummary(open) : '';
  if (overdue) {
    return {
      state: completed ? 'done' : planned ? 'in-progress' : 'not-started',
      attention: true,
      detail: [`Overdue: ${last!.what}, so a surveillance audit was due by ${formatDate(nextDue!)}`, plannedPart, findingsPart].filter(Boolean).join(' · '),
      ...where,
      children,
    };
  }
  if (completed) {
    return { state: 'done', attention: overdueFindings, detail: [`${completed.id} completed ${onDate(completed)}`, duePart, findingsPart].filter(Boolean).join(' · '), ...where, children };
  }
  const detail = [duePart ? capitalize(duePart) : '', plannedPart, findingsPart].filter(Boolean).join(' · ');
  return { state: planned ? 'in-progress' : 'not-started', attention: overdueFindings, detail, ...where, children };
}

const RECERTIFICATION_WARNING_DAYS = 90;

export function recertificationStep(ctx: PhaseContext): StepDraft {
  const { model, today } = ctx;
  const certificate = model.singleton('certificate');
  const window = certificateWindow(ctx);
  const open = openFindings(ctx, 'recertification');
  const children = findingChildren(open, today);
  const overdueFindings = open.some((f) => f.overdue);
  const audits = auditsOfType(model, 'recertification');
  if (!certificate || !window) {
    const planned = nextPlanned(audits, today);
    return { state: 'not-started', attention: overdueFindings, detail: 'Due before the certificate expires, once certified', ...(planned ? itemLocation(planned.item) : undefined), children };
  }
  const { issued, expires } = window;
  const inWindow = audits.filter((a) => a.date && (!issued || compareDates(a.date.date, issued.date) >= 0) && compareDates(a.date.date, expires.date) <= 0);
  const completed = latestAudit(inWindow.filter((a) => a.completed));
  const findingsPart = open.length > 0 ? findingsSummary(open) : '';
  if (completed) {
    return { state: 'done', attention: overdueFindings, detail: [`${completed.id} completed ${onDate(completed)}`, findingsPart].filter(Boolean).join(' · '), ...itemLocation(completed.item), children };
  }
  const planned = nextPlanned(inWindow, today);
  if (planned) {
    const pastDue = isPastDue(planned, today);
    const detail = [`${planned.id} planned for ${onDate(planned)}, before expiry on ${expires.text}`, pastDue ? 'date passed, record the outcome' : '', findingsPart].filter(Boolean).join(' · ');
    return { state: 'done', attention: pastDue || overdueFindings, detail, ...itemLocation(planned.item), children };
  }
  const left = daysBetween(today, expires.date);
  const outside = latestAudit(audits);
  const where = (outside ? itemLocation(outside.item) : undefined) ?? keyLocation(certificate, 'expires');
  const outsidePart = outside ? `${outside.id} on ${onDate(outside)} is outside the certificate's validity (${issued?.text ?? '?'} to ${expires.text})` : '';
  let head: string;
  let attention = overdueFindings;
  if (left < 0) {
    head = `Certificate expired on ${expires.text} without a recertification audit`;
    attention = true;
  } else if (left <= RECERTIFICATION_WARNING_DAYS) {
    head = `Certificate expires in ${plural(left, 'day')} (${expires.text}) and no recertification audit is planned`;
    attention = true;
  } else {
    head = `Due before the certificate expires on ${expires.text} (in ${plural(left, 'day')}); none planned`;
  }
  return { state: outside ? 'in-progress' : 'not-started', attention, detail: [head, outsidePart, findingsPart].filter(Boolean).join(' · '), ...where, children };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
