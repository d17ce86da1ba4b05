/**
 * Which step's data an error-level diagnostic lies on. Most diagnostics map by place:
 * the section (and, for list sections, the item) their range starts in. A few rules
 * anchor on one thing while being about a step elsewhere (`review-overdue` on
 * `reviewCadence`, `stage1-open-findings` on the stage 2 audit); those map by code.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Node } from 'yaml';
import type { Item } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import { pairOf, stringOf } from '../parse/yamlAccess';
import { auditOf } from '../rules/lifecycleFacts';
import type { FileDiagnostics } from '../workspace/ismsWorkspace';
import type { StepChild, StepId } from './phaseTypes';

/** Rules about a step other than the one their anchor lies in. */
const STEPS_BY_CODE: Readonly<Record<string, readonly StepId[]>> = {
  'stage1-open-findings': ['stage-1', 'stage-2'],
  'certificate-open-findings': ['certificate'],
  'certificate-validity': ['certificate'],
  'certificate-expired': ['certificate'],
  'review-overdue': ['internal-reviews'],
  'surveillance-overdue': ['surveillance'],
  'recertification-due': ['recertification'],
  'auditor-not-accredited': ['auditor'],
  'soa-incomplete': ['soa'],
};

/** The step an audit of a type belongs to; its findings belong there too. */
export const STEP_OF_AUDIT_TYPE: Readonly<Record<string, StepId>> = {
  'pre-assessment': 'pre-assessment',
  'stage-1': 'stage-1',
  'stage-2': 'stage-2',
  'internal-audit': 'internal-reviews',
  'management-review': 'internal-reviews',
  surveillance: 'surveillance',
  recertification: 'recertification',
};

/** Error-level diagnostics as children of the steps whose data they lie on. */
export function errorsBySteps(model: WorkspaceModel, diagnostics: readonly FileDiagnostics[]): Map<StepId, StepChild[]> {
  const out = new Map<StepId, StepChild[]>();
  for (const { uri, diagnostics: list } of diagnostics) {
    const file = model.fileByUri(uri);
    if (!file) continue;
    for (const d of list) {
      if (d.severity !== DiagnosticSeverity.Error) continue;
      const steps = stepsOf(model, file, d);
      const child: StepChild = { label: firstSentence(d.message), detail: String(d.code ?? ''), file: uri, line: d.range.start.line };
      for (const step of steps) {
        const list2 = out.get(step);
        if (list2) list2.push(child);
        else out.set(step, [child]);
      }
    }
  }
  return out;
}

function stepsOf(model: WorkspaceModel, file: IsmsFile, d: Diagnostic): readonly StepId[] {
  const byCode = STEPS_BY_CODE[String(d.code)];
  if (byCode) return byCode;
  const offset = file.lines.offsetAt(d.range.start);
  const facts = model.facts(file);
  const section = facts.sections.find((s) => contains(s.key, offset) || contains(s.value, offset));
  if (!section) return [];
  switch (section.name) {
    case 'organization': {
      // The organization is the approval's data, except the cadence of internal reviews.
      const cadence = pairOf(section.value, 'reviewCadence');
      if (cadence && (contains(cadence.key, offset) || contains(cadence.value, offset))) return ['internal-reviews'];
      return ['approval'];
    }
    case 'people':
      return ['team'];
    case 'scope':
      return ['scope'];
    case 'soa':
      return ['soa'];
    case 'risks':
      return ['pre-assessment'];
    case 'certificationBody':
      return ['auditor'];
    case 'certificate':
      return ['certificate'];
    case 'audits': {
      const item = itemAt(model, file, 'audit', offset);
      const step = item ? STEP_OF_AUDIT_TYPE[stringOf(item.map, 'type') ?? ''] : undefined;
      return step ? [step] : [];
    }
    case 'nonconformities': {
      const item = itemAt(model, file, 'nonconformity', offset);
      const step = item ? stepOfFinding(model, item) : undefined;
      return step ? [step] : [];
    }
    case 'evidence': {
      const item = itemAt(model, file, 'evidence', offset);
      return item?.id !== undefined ? stepsCitingEvidence(model, item.id) : [];
    }
    default:
      return [];
  }
}

export function stepOfFinding(model: WorkspaceModel, nc: Item): StepId | undefined {
  return STEP_OF_AUDIT_TYPE[stringOf(auditOf(model, nc.map)?.map, 'type') ?? ''];
}

/** A broken evidence item weighs on every step that cites it. */
function stepsCitingEvidence(model: WorkspaceModel, id: string): StepId[] {
  const steps = new Set<StepId>();
  for (const citation of model.citationsOf('evidence', id)) {
    if (citation.section === 'organization') steps.add('approval');
    else if (citation.section === 'soa') steps.add('soa');
    else if (citation.section === 'audits') {
      const step = STEP_OF_AUDIT_TYPE[stringOf(citation.holder, 'type') ?? ''];
      if (step) steps.add(step);
    } else if (citation.section === 'nonconformities') {
      const nc = model.items('nonconformity').find((item) => item.map === citation.holder);
      const step = nc ? stepOfFinding(model, nc) : undefined;
      if (step) steps.add(step);
    }
  }
  return [...steps];
}

function itemAt(model: WorkspaceModel, file: IsmsFile, kind: Item['kind'], offset: number): Item | undefined {
  return model.facts(file).items.find((item) => item.kind === kind && contains(item.map, offset));
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  if (!r) return false;
  // Up to the end of the node (comments included), not into the next one.
  const end = Math.max(r[1], r[2]);
  return offset >= r[0] && (offset < end || offset === r[0]);
}

/** The first sentence of a message, for a tree label (the full message is in the problems panel). */
export function firstSentence(message: string): string {
  // A sentence ends at `. ` before a capital letter or a quote, not inside `e.g. 9.2`.
  const m = /^(.*?[.!?])(?=\s+[A-Z'"\u2018\u201C(]|\s*$)/.exec(message);
  return m ? m[1]! : message;
}
