/**
 * The phase-progress model of spec §4: three phases of the certification process, twelve
 * steps, each with a state computed from the workspace. The editor's tree view and
 * `isms status` render the same model.
 */

export type PhaseId = 'planning' | 'audit' | 'maintenance';

export type StepId =
  | 'approval'
  | 'team'
  | 'scope'
  | 'soa'
  | 'pre-assessment'
  | 'auditor'
  | 'stage-1'
  | 'stage-2'
  | 'certificate'
  | 'internal-reviews'
  | 'surveillance'
  | 'recertification';

/**
 * `done`: the step's "done when" of spec §4 holds. `in-progress`: partly there (an audit
 * planned, findings open, SoA 87/93). `not-started`: nothing yet. `attention`: something
 * is overdue, or an error-level diagnostic lies on the step's data.
 */
export type StepState = 'done' | 'in-progress' | 'not-started' | 'attention';

export interface PhaseProgress {
  phases: Phase[];
}

export interface Phase {
  id: PhaseId;
  title: string;
  steps: Step[];
}

export interface Step {
  id: StepId;
  title: string;
  state: StepState;
  /** One line for the tree's description and the status output ("SoA 87/93 addressed"). */
  detail: string;
  /** Where the step's data lives (a section key or an item), as a URI. */
  file?: string;
  /** 0-based line in `file`. */
  line?: number;
  /** What `done` requires, for tooltips (spec §4, "done when"). */
  requirement: string;
  /** Things under the step: errors on its data, open findings, missing controls … */
  children?: StepChild[];
}

export interface StepChild {
  label: string;
  detail?: string;
  /** URI. */
  file?: string;
  /** 0-based line. */
  line?: number;
}

/** Phase and step titles and requirements, in spec order. */
export const PHASE_DEFINITIONS: readonly { id: PhaseId; title: string; steps: readonly { id: StepId; title: string; requirement: string }[] }[] = [
  {
    id: 'planning',
    title: 'Planning & preparation',
    steps: [
      { id: 'approval', title: 'Senior management approval', requirement: 'organization.approval has approver, date and evidence' },
      { id: 'team', title: 'Dedicated team with distinct roles', requirement: 'review-supervisor, remediation-owner and verifier are held by three different people' },
      { id: 'scope', title: 'ISMS scope defined', requirement: 'scope.statement and at least one dataCategories entry' },
      { id: 'soa', title: 'Controls selected, SoA complete', requirement: 'all 93 controls addressed with justification' },
      { id: 'pre-assessment', title: 'Pre-assessment and report', requirement: 'a completed pre-assessment audit with a report, and a risk register' },
    ],
  },
  {
    id: 'audit',
    title: 'Certification audit',
    steps: [
      { id: 'auditor', title: 'Accredited external auditor', requirement: 'certificationBody with accreditation' },
      { id: 'stage-1', title: 'Stage 1 audit', requirement: 'a completed stage-1 audit and all its nonconformities closed' },
      { id: 'stage-2', title: 'Stage 2 audit', requirement: 'a completed stage-2 audit and all its nonconformities closed' },
      { id: 'certificate', title: 'Certificate issued', requirement: 'a valid, unexpired certificate' },
    ],
  },
  {
    id: 'maintenance',
    title: 'Maintenance',
    steps: [
      { id: 'internal-reviews', title: 'Internal reviews on cadence', requirement: 'a completed internal-audit within the cadence' },
      { id: 'surveillance', title: 'Surveillance audits', requirement: 'a completed surveillance audit within 12 months of the last external audit (once certified)' },
      { id: 'recertification', title: 'Recertification', requirement: 'a recertification audit completed or planned before expires' },
    ],
  },
];
