/**
 * The custom protocol between the extension client and the language server, in one
 * place: one constant (and its argument types) per custom command or method, imported
 * by both sides. Only types and constants: no runtime dependency on either side.
 *
 * Every request takes the workspace folder it is about as a URI (`folderUri`); the
 * server answers for the ISMS of that folder (one ISMS per folder, spec §1).
 */
import type { Location, WorkspaceEdit } from 'vscode-languageserver-types';

/**
 * Code lenses run this command with arguments `[uri, position, locations]` (LSP
 * `DocumentUri`, `Position`, `Location[]`); the client maps it onto VS Code's
 * `editor.action.showReferences` after converting the arguments.
 */
export const SHOW_REFERENCES_COMMAND = 'isms.showReferences';

// ---------------------------------------------------------------------------------------
// isms/phases — the phase progress of spec §4, per workspace folder, for the tree view and
// the status bar.

export const PHASES_REQUEST = 'isms/phases';

export interface PhasesParams {
  /** One folder; every folder (and loose file ISMS when there is no folder) when absent. */
  folderUri?: string;
}

export interface PhasesResult {
  folders: FolderProgress[];
}

export type StepStateJson = 'done' | 'in-progress' | 'not-started' | 'attention';

export interface FolderProgress {
  folderUri: string;
  /** The folder's base name. */
  name: string;
  /** ISMS files in the folder; 0 means "no ISMS here yet" (the welcome view). */
  fileCount: number;
  phases: PhaseJson[];
  /** SoA coverage: controls addressed with a valid 2022 id, of `total` (93). */
  soa: { addressed: number; total: number };
  /** Diagnostic counts over every ISMS file of the folder, after the user's severities. */
  errors: number;
  warnings: number;
}

export interface PhaseJson {
  /** `planning` | `audit` | `maintenance` */
  id: string;
  title: string;
  steps: StepJson[];
}

export interface StepJson {
  /** The step ids of spec §9 (`approval`, `team`, … `recertification`). */
  id: string;
  title: string;
  state: StepStateJson;
  /** One line, e.g. "SoA 87/93 addressed (80 applicable, 7 excluded)". */
  detail: string;
  /** What `done` requires (spec §4, "done when"). */
  requirement: string;
  /** Where the step's data lives (URI) and the 0-based line. */
  file?: string;
  line?: number;
  children?: StepChildJson[];
}

/**
 * What a child node is, so the client can pick an icon without parsing labels:
 * `error` an error-level diagnostic on the step's data, `missing-control` a control the
 * SoA does not address, `finding` a nonconformity, `item` anything else.
 */
export type StepChildKind = 'error' | 'missing-control' | 'finding' | 'item';

export interface StepChildJson {
  label: string;
  detail?: string;
  kind: StepChildKind;
  file?: string;
  line?: number;
}

// ---------------------------------------------------------------------------------------
// isms/report — a report of spec §5, rendered by the same core as `isms report`, so the
// bytes the editor writes are the bytes the CLI writes.

export const REPORT_REQUEST = 'isms/report';

export type ReportKind = 'soa' | 'pre-assessment' | 'nonconformities';
export type ReportFormat = 'md' | 'html' | 'csv';

export interface ReportParams {
  folderUri: string;
  kind: ReportKind;
  format: ReportFormat;
}

export interface ReportResult {
  content: string;
}

// ---------------------------------------------------------------------------------------
// isms/controls — the 93 Annex A controls with their state in this ISMS, for the
// "Show Annex A control…" quick pick.

export const CONTROLS_REQUEST = 'isms/controls';

export interface ControlsParams {
  folderUri: string;
}

export interface ControlsResult {
  /** The file that holds the SoA, when there is one. */
  soaUri?: string;
  /** All 93, in Annex A order. */
  controls: ControlState[];
}

export interface ControlState {
  /** `A.5.15` */
  id: string;
  title: string;
  /** `Organizational` | `People` | `Physical` | `Technological` */
  theme: string;
  /** New in ISO/IEC 27001:2022. */
  isNew: boolean;
  /** The SoA has an entry for it. */
  addressed: boolean;
  /** `applicable` of the entry, when it is a boolean. */
  applicable?: boolean;
  status?: string;
  owner?: string;
  evidenceCount: number;
  /** The SoA entry's `id` value. */
  location?: Location;
}

// ---------------------------------------------------------------------------------------
// isms/missingControlsEdit — the edit that appends SoA stubs (`applicable: true`,
// `justification: TODO`) for controls the SoA does not address, the same stubs as the
// `soa-incomplete` quick fix. Without an SoA section, the edit creates one.

export const MISSING_CONTROLS_EDIT_REQUEST = 'isms/missingControlsEdit';

export interface MissingControlsEditParams {
  folderUri: string;
  /** Only these controls (those already addressed are skipped); all missing ones when absent. */
  ids?: string[];
}

export interface MissingControlsEditResult {
  /** Null when there is nothing to add or the SoA file cannot be edited safely (see `reason`). */
  edit: WorkspaceEdit | null;
  /** The control ids the edit adds, in Annex A order. */
  added: string[];
  /** The file the edit changes or creates. */
  targetUri?: string;
  /** Why there is no edit, in words for the user. */
  reason?: string;
}

// ---------------------------------------------------------------------------------------
// isms/recheck — re-reads `isms.config.yaml` and every ISMS file from disk (editor buffers
// keep precedence) and republishes all diagnostics.

export const RECHECK_REQUEST = 'isms/recheck';

export interface RecheckParams {
  /** One folder; every folder when absent. */
  folderUri?: string;
}

export interface RecheckResult {
  /** ISMS files checked. */
  files: number;
}

// ---------------------------------------------------------------------------------------
// isms/didChangePhases — sent by the server after it published the diagnostics of an
// ISMS, so the tree view and the status bar ask for the phases again.

export const DID_CHANGE_PHASES_NOTIFICATION = 'isms/didChangePhases';

export interface DidChangePhasesParams {
  folderUri: string;
}

/** Method → [params, result] of every custom request, for typed helpers on both sides. */
export interface IsmsRequests {
  [PHASES_REQUEST]: [PhasesParams, PhasesResult];
  [REPORT_REQUEST]: [ReportParams, ReportResult];
  [CONTROLS_REQUEST]: [ControlsParams, ControlsResult];
  [MISSING_CONTROLS_EDIT_REQUEST]: [MissingControlsEditParams, MissingControlsEditResult];
  [RECHECK_REQUEST]: [RecheckParams, RecheckResult];
}

/** Method → params of every custom notification. */
export interface IsmsNotifications {
  [DID_CHANGE_PHASES_NOTIFICATION]: DidChangePhasesParams;
}
