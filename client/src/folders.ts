/**
 * Which ISMS a command is about (multi-root: one ISMS per workspace folder): the tree node
 * it was invoked on, else the folder of the active editor, else the only folder with ISMS
 * files, else the user's pick.
 */
import * as vscode from 'vscode';
import type { FolderProgress } from '../../server/src/protocol';
import type { PhaseStore } from './phaseStore';

/** Tree nodes (and anything else) that name their folder. */
export interface HasFolder {
  folderUri: string;
}

export function hasFolder(value: unknown): value is HasFolder {
  return typeof value === 'object' && value !== null && typeof (value as { folderUri?: unknown }).folderUri === 'string';
}

/** The server's folder URI and VS Code's URI name the same folder (the encodings may differ). */
export function isSameFolder(folderUri: string, uri: vscode.Uri): boolean {
  const a = vscode.Uri.parse(folderUri);
  return a.scheme === uri.scheme && pathKey(a) === pathKey(uri);
}

function pathKey(uri: vscode.Uri): string {
  const p = uri.scheme === 'file' ? uri.fsPath : uri.path;
  return (process.platform === 'win32' ? p.toLowerCase() : p).replace(/[\\/]+$/, '');
}

/** The VS Code workspace folder behind a server folder URI. */
export function workspaceFolderOf(folderUri: string): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => isSameFolder(folderUri, f.uri));
}

/** A folder's name as VS Code shows it. */
export function folderName(folder: FolderProgress): string {
  return workspaceFolderOf(folder.folderUri)?.name ?? folder.name;
}

/** The server's folder for the active editor's file, if that file lies in a folder with ISMS files. */
export function activeFolder(folders: readonly FolderProgress[]): FolderProgress | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  return folder ? folders.find((f) => isSameFolder(f.folderUri, folder.uri)) : undefined;
}

/**
 * The ISMS folder for a command, or undefined (after telling the user why) when there is
 * none or the user cancels the pick.
 */
export async function pickIsmsFolder(store: PhaseStore, arg: unknown, placeHolder: string): Promise<FolderProgress | undefined> {
  const folders = await store.foldersWithFiles();
  if (hasFolder(arg)) {
    const uri = vscode.Uri.parse(arg.folderUri);
    const named = folders.find((f) => f.folderUri === arg.folderUri || isSameFolder(f.folderUri, uri));
    if (named) return named;
  }
  if (folders.length === 0) {
    const create = 'Create an Example ISMS';
    const answer = await vscode.window.showInformationMessage('This workspace has no ISMS files (*.isms.yaml) yet.', create);
    if (answer === create) await vscode.commands.executeCommand('isms.createExample');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const active = activeFolder(folders);
  if (active) return active;
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({ label: folderName(folder), description: `SoA ${folder.soa.addressed}/${folder.soa.total}`, detail: vscode.Uri.parse(folder.folderUri).fsPath, folder })),
    { placeHolder },
  );
  return picked?.folder;
}
