/**
 * The custom requests behind the extension's views and commands (protocol.ts): phase
 * progress per folder, reports, the 93 controls with their state, the SoA stubs edit and
 * a full re-check; and the `isms/didChangePhases` notification after each publication.
 * Each handler finds the folder's ISMS, calls the core and passes the answer on.
 */
import { DiagnosticSeverity, ErrorCodes, ResponseError } from 'vscode-languageserver';
import { CONTROLS, getControl } from '../../core/catalog';
import { computePhases, type PhaseProgress, type StepChild } from '../../core/phases/phaseModel';
import { scalarOf, seqOf, stringOf } from '../../core/parse/yamlAccess';
import { renderReport } from '../../core/reports/renderReport';
import { RULE_CODES } from '../../core/rules/index';
import { missingControlsEdit } from '../../core/soaStubs';
import { basenameUri } from '../../core/uri';
import type { IsmsWorkspace } from '../../core/workspace/ismsWorkspace';
import {
  CONTROLS_REQUEST, DID_CHANGE_PHASES_NOTIFICATION, MISSING_CONTROLS_EDIT_REQUEST, PHASES_REQUEST, RECHECK_REQUEST, REPORT_REQUEST,
  type ControlState, type ControlsResult, type DidChangePhasesParams, type FolderProgress, type IsmsRequests, type PhaseJson,
  type ReportFormat, type ReportKind, type StepChildJson,
} from '../../protocol';
import type { FeatureModule, ServerContext } from '../serverContext';

const REPORT_KINDS: readonly ReportKind[] = ['soa', 'pre-assessment', 'nonconformities'];
const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'csv'];

type Answer<M extends keyof IsmsRequests> = IsmsRequests[M][1] | ResponseError<void>;

export const phasesAndReportsFeature: FeatureModule = {
  capabilities: {},
  register(ctx) {
    const { connection } = ctx;

    /** One typed, guarded handler per custom request; `fallback` answers when the core throws. */
    function handle<M extends keyof IsmsRequests>(method: M, fallback: Answer<M>, work: (params: IsmsRequests[M][0]) => Answer<M>): void {
      connection.onRequest(method, (params: unknown, token) =>
        ctx.run<Answer<M>>(method, fallback, token, () => work((params ?? {}) as IsmsRequests[M][0])),
      );
    }

    handle(PHASES_REQUEST, { folders: [] }, (params) => ({ folders: targets(ctx, params.folderUri).map(folderProgress) }));

    handle(REPORT_REQUEST, failure('The report could not be generated; see the ISMS Language Server output.'), (params) => {
      if (!REPORT_KINDS.includes(params.kind) || !REPORT_FORMATS.includes(params.format)) {
        return new ResponseError(ErrorCodes.InvalidParams, `Unknown report '${String(params.kind)}' or format '${String(params.format)}'.`);
      }
      const ws = folderWorkspace(ctx, params.folderUri);
      if (!ws) return noFolder(params.folderUri);
      return { content: renderReport(ws, params.kind, params.format) };
    });

    handle(CONTROLS_REQUEST, { controls: [] }, (params) => {
      const ws = folderWorkspace(ctx, params.folderUri);
      return ws ? controlStates(ws) : { controls: [] };
    });

    handle(MISSING_CONTROLS_EDIT_REQUEST, failure('The SoA stubs could not be computed; see the ISMS Language Server output.'), (params) => {
      const ws = folderWorkspace(ctx, params.folderUri);
      if (!ws) return noFolder(params.folderUri);
      const ids = Array.isArray(params.ids) ? params.ids.filter((id): id is string => typeof id === 'string') : undefined;
      const result = missingControlsEdit(ws, ids);
      return {
        edit: result.edit ?? null,
        added: result.added,
        ...(result.targetUri !== undefined ? { targetUri: result.targetUri } : {}),
        ...(result.reason !== undefined ? { reason: result.reason } : {}),
      };
    });

    handle(RECHECK_REQUEST, failure('The re-check failed; see the ISMS Language Server output.'), (params) => {
      let files = 0;
      for (const ws of targets(ctx, params.folderUri)) {
        ws.reloadConfig();
        const scanned = ws.scan();
        if (scanned.truncated) ctx.log(`Stopped scanning ${ws.folderUri} after the file limit; some ISMS files were not loaded.`);
        ctx.republish(ws);
        files += ws.uris().length;
      }
      return { files };
    });

    ctx.onDidPublishDiagnostics((ws) => {
      const params: DidChangePhasesParams = { folderUri: ws.folderUri };
      void connection.sendNotification(DID_CHANGE_PHASES_NOTIFICATION, params);
    });
  },
};

function failure(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InternalError, message);
}

function noFolder(folderUri: unknown): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `No ISMS workspace folder for ${String(folderUri)}.`);
}

/** The folder's ISMS, or undefined when the URI is not inside a workspace folder. */
function folderWorkspace(ctx: ServerContext, folderUri: unknown): IsmsWorkspace | undefined {
  return typeof folderUri === 'string' ? ctx.registry.folderOf(folderUri) : undefined;
}

/**
 * The ISMS of one folder, or of every workspace folder; with no folder open at all, the
 * ISMS of the loose files being edited.
 */
function targets(ctx: ServerContext, folderUri: unknown): IsmsWorkspace[] {
  if (folderUri !== undefined && folderUri !== null) {
    const ws = folderWorkspace(ctx, folderUri);
    return ws ? [ws] : [];
  }
  const all = ctx.registry.all();
  const folders = all.filter((ws) => ctx.registry.folderOf(ws.folderUri) === ws);
  return folders.length > 0 ? folders : all.filter((ws) => ws.uris().length > 0);
}

function folderProgress(ws: IsmsWorkspace): FolderProgress {
  const diagnostics = ws.diagnoseAll();
  let errors = 0;
  let warnings = 0;
  for (const file of diagnostics) {
    for (const d of file.diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  const addressed = new Set(ws.model.soaEntries.map((e) => e.id).filter((id): id is string => id !== undefined && getControl(id) !== undefined));
  return {
    folderUri: ws.folderUri,
    name: decodeURIComponent(basenameUri(ws.folderUri)) || ws.folderUri,
    fileCount: ws.uris().length,
    phases: phasesJson(ws, computePhases(ws, { diagnostics })),
    soa: { addressed: addressed.size, total: CONTROLS.length },
    errors,
    warnings,
  };
}

function phasesJson(ws: IsmsWorkspace, progress: PhaseProgress): PhaseJson[] {
  return progress.phases.map((phase) => ({
    id: phase.id,
    title: phase.title,
    steps: phase.steps.map((step) => ({
      id: step.id,
      title: step.title,
      state: step.state,
      detail: step.detail,
      requirement: step.requirement,
      ...(step.file !== undefined ? { file: step.file } : {}),
      ...(step.file !== undefined && step.line !== undefined ? { line: step.line } : {}),
      ...(step.children && step.children.length > 0 ? { children: step.children.map((child) => childJson(ws, child)) } : {}),
    })),
  }));
}

/** Names what a child is, so that the client needs no knowledge of labels or rule codes. */
function childJson(ws: IsmsWorkspace, child: StepChild): StepChildJson {
  const kind: StepChildJson['kind'] =
    child.detail !== undefined && RULE_CODES.has(child.detail) ? 'error'
      : getControl(child.label) !== undefined && child.detail?.endsWith('not addressed') ? 'missing-control'
        : ws.model.item('nonconformity', child.label) !== undefined ? 'finding'
          : 'item';
  return {
    label: child.label,
    kind,
    ...(child.detail !== undefined ? { detail: child.detail } : {}),
    ...(child.file !== undefined ? { file: child.file } : {}),
    ...(child.file !== undefined && child.line !== undefined ? { line: child.line } : {}),
  };
}

function controlStates(ws: IsmsWorkspace): ControlsResult {
  const model = ws.model;
  const soa = model.singleton('soa');
  const controls = CONTROLS.map((control): ControlState => {
    const entry = model.soaEntriesFor(control.id)[0];
    const state: ControlState = { id: control.id, title: control.title, theme: control.theme, isNew: control.isNew, addressed: entry !== undefined, evidenceCount: 0 };
    if (!entry) return state;
    const applicable = scalarOf(entry.map, 'applicable')?.value;
    if (typeof applicable === 'boolean') state.applicable = applicable;
    const status = stringOf(entry.map, 'status');
    if (status) state.status = status;
    const owner = stringOf(entry.map, 'owner');
    if (owner) state.owner = owner;
    state.evidenceCount = seqOf(entry.map, 'evidence')?.items.length ?? 0;
    const range = entry.idNode?.range ?? entry.map.range;
    if (range) {
      const lines = entry.file.lines;
      state.location = { uri: entry.file.uri, range: { start: lines.positionAt(range[0]), end: lines.positionAt(range[1]) } };
    }
    return state;
  });
  return soa ? { soaUri: soa.file.uri, controls } : { controls };
}
