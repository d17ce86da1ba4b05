/**
 * Phase progress (spec §4): the twelve steps of the certification process, each with a
 * state computed from the workspace. The editor's tree view and `isms status` show this
 * model; `phasesToJson` and `phasesToText` are the CLI's two renderings.
 *
 * A step is `attention` when something on it is overdue (computed here from the dates,
 * with the same calendar rules as `nc-overdue`, `review-overdue`, `surveillance-overdue`,
 * `recertification-due` and `certificate-expired`) or when an error-level diagnostic lies
 * on its data (see `stepDiagnostics.ts`); those diagnostics become its first children.
 */
import type { FileDiagnostics, IsmsWorkspace } from '../workspace/ismsWorkspace';
import { auditorStep, certificateStep, stageStep } from './auditSteps';
import { internalReviewsStep, recertificationStep, surveillanceStep } from './maintenanceSteps';
import type { PhaseContext, StepDraft, StepFunctions } from './phaseFacts';
import { PHASE_DEFINITIONS, type PhaseProgress, type Step, type StepChild } from './phaseTypes';
import { approvalStep, preAssessmentStep, scopeStep, soaStep, teamStep } from './planningSteps';
import { errorsBySteps } from './stepDiagnostics';

export * from './phaseTypes';
export { phasesToJson, phasesToText, type PhasesJson, type PhasesTextOptions } from './phaseFormat';

const STEPS: StepFunctions = {
  approval: approvalStep,
  team: teamStep,
  scope: scopeStep,
  soa: soaStep,
  'pre-assessment': preAssessmentStep,
  auditor: auditorStep,
  'stage-1': stageStep('stage-1'),
  'stage-2': stageStep('stage-2'),
  certificate: certificateStep,
  'internal-reviews': internalReviewsStep,
  surveillance: surveillanceStep,
  recertification: recertificationStep,
};

export interface ComputePhasesOptions {
  /** Diagnostics already computed for the workspace (the server's); default `ws.diagnoseAll()`. */
  diagnostics?: readonly FileDiagnostics[];
}

/** The phase progress of one ISMS as of `ws.today()`. */
export function computePhases(ws: IsmsWorkspace, options: ComputePhasesOptions = {}): PhaseProgress {
  const ctx: PhaseContext = { model: ws.model, today: ws.today() };
  const errors = errorsBySteps(ctx.model, options.diagnostics ?? ws.diagnoseAll());
  return {
    phases: PHASE_DEFINITIONS.map((phase) => ({
      id: phase.id,
      title: phase.title,
      steps: phase.steps.map((def) => finish(def, STEPS[def.id](ctx), errors.get(def.id) ?? [])),
    })),
  };
}

function finish(def: { id: Step['id']; title: string; requirement: string }, draft: StepDraft, errors: readonly StepChild[]): Step {
  const attention = draft.attention === true || errors.length > 0;
  const detail = errors.length > 0 ? `${draft.detail} · ${errors.length === 1 ? '1 error' : `${errors.length} errors`}` : draft.detail;
  const children = [...errors, ...(draft.children ?? [])];
  const step: Step = { id: def.id, title: def.title, state: attention ? 'attention' : draft.state, detail, requirement: def.requirement };
  if (draft.file !== undefined) {
    step.file = draft.file;
    if (draft.line !== undefined) step.line = draft.line;
  }
  if (children.length > 0) step.children = children;
  return step;
}
