/**
 * Every command of the extension, each a small factory closing over the context
 * (rust-analyzer's `editors/code` commands). `registerCommands` is the one place that
 * maps command ids to them; package.json contributes the same ids.
 */
import * as vscode from 'vscode';
import type { Location, Position } from 'vscode-languageclient';
import { RECHECK_REQUEST, SHOW_REFERENCES_COMMAND } from '../../server/src/protocol';
import { showControlCommand } from './controlPicker';
import type { Ctx } from './ctx';
import { hasFolder } from './folders';
import { addMissingControlsCommand } from './missingControls';
import { PHASES_VIEW_ID } from './phaseTree';
import type { PhaseStore } from './phaseStore';
import { generateReportCommand } from './reports';
import { createExampleCommand } from './starterWorkspace';

type Command = (...args: unknown[]) => unknown;
type CommandFactory = (ctx: Ctx, store: PhaseStore) => Command;

/** The walkthrough, as `<publisher>.<name>#<id>` (package.json `contributes.walkthroughs`). */
const WALKTHROUGH_ID = 'isms.getStarted';

const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  'isms.restartServer': restartServer,
  'isms.recheck': recheck,
  'isms.generateSoa': (ctx, store) => generateReportCommand(ctx, store, 'soa'),
  'isms.generatePreAssessment': (ctx, store) => generateReportCommand(ctx, store, 'pre-assessment'),
  'isms.generateNonconformities': (ctx, store) => generateReportCommand(ctx, store, 'nonconformities'),
  'isms.showControl': showControlCommand,
  'isms.addMissingControls': addMissingControlsCommand,
  'isms.createExample': createExampleCommand,
  'isms.openStep': openStep,
  'isms.openWalkthrough': openWalkthrough,
  [SHOW_REFERENCES_COMMAND]: showReferences,
};

export function registerCommands(ctx: Ctx, store: PhaseStore): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.push(vscode.commands.registerCommand(id, factory(ctx, store)));
  }
}

function restartServer(ctx: Ctx): Command {
  return () => ctx.restart();
}

/** Re-reads every ISMS file and `isms.config.yaml` from disk and republishes the diagnostics. */
function recheck(ctx: Ctx, store: PhaseStore): Command {
  return async (arg?: unknown) => {
    const result = await vscode.window.withProgress(
      { location: { viewId: PHASES_VIEW_ID }, title: 'Checking the ISMS…' },
      () => ctx.request(RECHECK_REQUEST, hasFolder(arg) ? { folderUri: arg.folderUri } : {}),
    );
    store.refresh(0);
    vscode.window.setStatusBarMessage(`$(check) ISMS re-checked: ${result.files} file${result.files === 1 ? '' : 's'}`, 4000);
  };
}

/**
 * Opens where a step's data lives (walkthrough buttons: `isms.openStep` with a step id
 * such as `scope`); without data yet, shows the tree and says where it goes.
 */
function openStep(_ctx: Ctx, store: PhaseStore): Command {
  return async (stepId?: unknown) => {
    const folders = await store.foldersWithFiles();
    if (folders.length === 0) {
      await vscode.commands.executeCommand('isms.createExample');
      return;
    }
    const step = folders.flatMap((f) => f.phases.flatMap((p) => p.steps)).find((s) => s.id === stepId && s.file !== undefined)
      ?? folders.flatMap((f) => f.phases.flatMap((p) => p.steps)).find((s) => s.id === stepId);
    if (step?.file !== undefined) {
      const position = new vscode.Position(step.line ?? 0, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(step.file), { selection: new vscode.Range(position, position), preview: false });
      return;
    }
    await vscode.commands.executeCommand(`${PHASES_VIEW_ID}.focus`);
    if (step) void vscode.window.showInformationMessage(`${step.title}: nothing recorded yet. Done when ${step.requirement}.`);
  };
}

function openWalkthrough(ctx: Ctx): Command {
  return () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${ctx.extension.extension.id}#${WALKTHROUGH_ID}`, false);
}

/** Code lenses send LSP JSON (`uri`, `position`, `locations`); VS Code's command wants its own types. */
function showReferences(ctx: Ctx): Command {
  return async (uri: unknown, position: unknown, locations: unknown) => {
    if (typeof uri !== 'string' || !Array.isArray(locations)) return;
    const c = ctx.client.protocol2CodeConverter;
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      c.asUri(uri),
      c.asPosition(position as Position),
      (locations as Location[]).map((l) => c.asLocation(l)),
    );
  };
}
