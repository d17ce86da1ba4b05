/**
 * "Add Missing Controls to the SoA": applies the server's edit — the same stubs as the
 * `soa-incomplete` quick fix (`applicable: true`, `justification: TODO`) — and shows the
 * first new entry. The edit goes through the editor, so it can be undone.
 */
import * as vscode from 'vscode';
import { MISSING_CONTROLS_EDIT_REQUEST, type FolderProgress } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { pickIsmsFolder } from './folders';
import type { PhaseStore } from './phaseStore';

export function addMissingControlsCommand(ctx: Ctx, store: PhaseStore) {
  return async (arg?: unknown): Promise<void> => {
    const folder = await pickIsmsFolder(store, arg, 'Add the missing controls to the SoA of which ISMS?');
    if (folder) await addControls(ctx, folder);
  };
}

/**
 * Adds stubs for `ids` (all missing controls when absent) to the folder's SoA; returns
 * true when the edit was applied.
 */
export async function addControls(ctx: Ctx, folder: FolderProgress, ids?: string[]): Promise<boolean> {
  const result = await ctx.request(MISSING_CONTROLS_EDIT_REQUEST, ids ? { folderUri: folder.folderUri, ids } : { folderUri: folder.folderUri });
  if (!result.edit || result.added.length === 0) {
    void vscode.window.showInformationMessage(result.reason ?? 'There is nothing to add to the SoA.');
    return false;
  }
  const edit = await ctx.client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('The SoA could not be changed (was the file modified meanwhile?). Try again.');
    return false;
  }
  if (result.targetUri) await revealFirst(vscode.Uri.parse(result.targetUri), result.added[0]!);
  const what = result.added.length === 1 ? result.added[0] : `${result.added.length} controls`;
  void vscode.window.showInformationMessage(`Added ${what} to the SoA. Decide each one: applicable or not, with a justification, a status and an owner; then save.`);
  return true;
}

/** Opens the file at the new entry of `id` (the stub's `- id: A.x.y` line). */
async function revealFirst(uri: vscode.Uri, id: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const text = editor.document.getText();
  const match = new RegExp(`^\\s*-\\s*id:\\s*${id.replace(/\./g, '\\.')}\\b.*$`, 'm').exec(text);
  if (!match) return;
  const start = editor.document.positionAt(match.index);
  const end = editor.document.positionAt(match.index + match[0].length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
