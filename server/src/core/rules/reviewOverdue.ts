/**
 * `review-overdue` is about the whole ISMS, not one file: it is reported once, on an
 * anchor chosen the same way whichever file is diagnosed (spec §9): the `reviewCadence`
 * value; else the latest internal audit's `date`; else the first `audits` key.
 */
import type { Node } from 'yaml';
import { addMonths, compareDates, formatDate } from '../dates';
import type { IsmsFile } from '../parse/ismsFile';
import type { Item, SectionDef } from '../model/facts';
import { isBlank, stringOf } from '../parse/yamlAccess';
import { dateOf, latest, scalarValueOf } from './lifecycleFacts';
import type { Rule, RuleContext } from './rule';

export const reviewOverdue: Rule = {
  code: 'review-overdue',
  defaultSeverity: 'warning',
  example: 'last internal-audit 14 months ago',
  summary: 'Certified (or past stage 1) and no completed `internal-audit` within the review cadence (12 or 6 months).',
  help: 'Clause 9.2 requires internal audits at planned intervals, and certification bodies check at every surveillance visit that they happened. Management reviews (clause 9.3) do not replace them. Carry out an internal audit, record it in `audits` as completed, and keep to the cadence set in `organization.reviewCadence`.',
  check(ctx) {
    // The finding is about the whole ISMS: work it out once for the same audits,
    // sections it reads and day — an edit elsewhere leaves them the same objects — then
    // report it only while diagnosing the file that holds its anchor.
    const day = formatDate(ctx.today);
    const audits = ctx.model.items('audit');
    const inputs = [ctx.model.singleton('organization'), ctx.model.singleton('certificate'), ctx.model.sections('audits')[0]];
    let memo = findingOfAudits.get(audits);
    if (!memo || memo.day !== day || memo.inputs.some((input, i) => input !== inputs[i])) {
      findingOfAudits.set(audits, (memo = { day, inputs, finding: findReviewOverdue(ctx) }));
    }
    const finding = memo.finding;
    if (finding && finding.anchor.file === ctx.file) ctx.report(finding.anchor.node, finding.message, { data: finding.data });
  },
};

interface ReviewFinding {
  anchor: Anchor;
  message: string;
  data: Record<string, unknown>;
}

interface ReviewMemo {
  day: string;
  /** organization, certificate and the first audits section, as the finding saw them. */
  inputs: (SectionDef | undefined)[];
  finding: ReviewFinding | undefined;
}

const findingOfAudits = new WeakMap<readonly Item[], ReviewMemo>();

function findReviewOverdue(ctx: RuleContext): ReviewFinding | undefined {
  const { model } = ctx;
  const audits = model.items('audit');
  const certified = model.singleton('certificate') !== undefined;
  const pastStage1 = audits.some((a) => stringOf(a.map, 'type') === 'stage-1' && stringOf(a.map, 'status') === 'completed');
  if (!certified && !pastStage1) return undefined;

  const organization = model.singleton('organization');
  const cadenceNode = organization && !isBlank(organization.value, 'reviewCadence') ? scalarValueOf(organization.value, 'reviewCadence') : undefined;
  const semiannual = cadenceNode?.value === 'semiannual';
  const months = semiannual ? 6 : 12;

  const internal = audits
    .filter((a) => stringOf(a.map, 'type') === 'internal-audit')
    .flatMap((a) => {
      const dated = dateOf(a.map, 'date');
      return dated ? [{ ...dated, id: a.id, file: a.file, completed: stringOf(a.map, 'status') === 'completed' }] : [];
    });
  const last = latest(internal.filter((a) => a.completed));
  // "Within the last 12 (6) calendar months", counted back from today (spec §9);
  // an audit exactly that many months ago is still within.
  const nextDue = last ? addMonths(last.date, months) : undefined;
  if (last && compareDates(last.date, addMonths(ctx.today, -months)) >= 0) return undefined;

  const anchor = anchorOf(ctx, cadenceNode && organization ? { file: organization.file, node: cadenceNode } : undefined, last ?? latest(internal));
  if (!anchor) return undefined;

  const cadence = `${semiannual ? 'semiannual' : 'annual'} review cadence${cadenceNode ? '' : ', the default'}`;
  const why = 'Clause 9.2 requires internal audits at planned intervals, and auditors check them at every visit; carry out an internal audit and record it in audits as completed.';
  const message = last && nextDue
    ? `No internal audit has been completed in the last ${months} months: the latest${last.id ? `, ${last.id},` : ''} was on ${last.text}, so the next was due by ${formatDate(nextDue)} (${cadence}). ${why}`
    : `No internal audit has been completed, though the ISMS is ${certified ? 'certified' : 'past its stage 1 audit'} (${cadence}: one every ${months} months). ${why}`;
  return { anchor, message, data: { cadence: semiannual ? 'semiannual' : 'annual', lastInternalAudit: last?.text, nextDue: nextDue ? formatDate(nextDue) : undefined } };
}

interface Anchor {
  file: IsmsFile;
  node: Node;
}

function anchorOf(ctx: RuleContext, cadence: Anchor | undefined, latestInternal: Anchor | undefined): Anchor | undefined {
  if (cadence) return cadence;
  if (latestInternal) return latestInternal;
  const audits = ctx.model.sections('audits')[0];
  if (audits) return { file: audits.file, node: audits.key };
  // Certified without any audits section: the certificate is the only thing to point at.
  const certificate = ctx.model.singleton('certificate');
  return certificate ? { file: certificate.file, node: certificate.key } : undefined;
}
