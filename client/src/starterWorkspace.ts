/**
 * "Create an Example ISMS": writes the commented starter files into a workspace folder.
 * It never overwrites: files that exist are left alone (after asking whether to create
 * the others), and the files are created with `ignoreIfExists`, so even a file that
 * appears meanwhile survives.
 */
import * as vscode from 'vscode';
import { fileExists } from './fileExists';
import type { Ctx } from './ctx';
import { hasFolder, isSameFolder } from './folders';
import { PHASES_VIEW_ID } from './phaseTree';
import type { PhaseStore } from './phaseStore';
import { STARTER_MAIN_FILE, starterFiles } from './starterFiles';

export function createExampleCommand(ctx: Ctx, store: PhaseStore) {
  return async (arg?: unknown): Promise<void> => {
    const folder = await targetFolder(arg);
    if (!folder) return;
    const folders = await store.get().then((r) => r.folders, () => []);
    const existingIsms = folders.find((f) => isSameFolder(f.folderUri, folder.uri) && f.fileCount > 0);
    if (existingIsms) {
      const anyway = 'Create Anyway';
      const answer = await vscode.window.showWarningMessage(
        `${folder.name} already holds ${existingIsms.fileCount} ISMS file${existingIsms.fileCount === 1 ? '' : 's'}. The example files would become part of that ISMS. Create them anyway?`,
        { modal: true },
        anyway,
      );
      if (answer !== anyway) return;
    }
    const files = starterFiles(new Date()).map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder.uri, ...f.path.split('/')) }));
    const existing: typeof files = [];
    for (const file of files) if (await fileExists(file.uri)) existing.push(file);
    if (existing.length === files.length) {
      void vscode.window.showInformationMessage(`The example files already exist in ${folder.name}; nothing was changed.`);
      return;
    }
    if (existing.length > 0) {
      const skip = 'Create the Others';
      const names = existing.map((f) => f.path).join(', ');
      const answer = await vscode.window.showWarningMessage(
        `${existing.length} of the example files already exist (${names}). Create the others and leave those untouched?`,
        { modal: true },
        skip,
      );
      if (answer !== skip) return;
    }
    const edit = new vscode.WorkspaceEdit();
    const created = files.filter((f) => !existing.includes(f));
    // Parent folders first (createDirectory is a no-op for a folder that exists).
    for (const dir of new Set(created.map((f) => vscode.Uri.joinPath(f.uri, '..').toString()))) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.parse(dir));
    }
    for (const file of created) {
      edit.createFile(file.uri, { ignoreIfExists: true, overwrite: false, contents: Buffer.from(file.content, 'utf8') });
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`The example ISMS could not be created in ${folder.name}.`);
      return;
    }
    await ctx.start();
    store.refresh();
    const main = created.find((f) => f.path === STARTER_MAIN_FILE) ?? created.find((f) => f.path.endsWith('.isms.yaml'));
    if (main) await vscode.window.showTextDocument(main.uri, { preview: false });
    await vscode.commands.executeCommand(`${PHASES_VIEW_ID}.focus`);
    void vscode.window.showInformationMessage(`Created ${created.length} example files in ${folder.name}. The ISMS view shows the certification progress.`);
  };
}

/** The folder named by the tree node, the only folder, or the user's pick; offers to open one when there is none. */
async function targetFolder(arg: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (hasFolder(arg)) {
    const named = folders.find((f) => isSameFolder(arg.folderUri, f.uri));
    if (named) return named;
  }
  if (folders.length === 0) {
    const open = 'Open Folder';
    const answer = await vscode.window.showInformationMessage('Open a folder first: the example ISMS is written into a workspace folder.', open);
    if (answer === open) await vscode.commands.executeCommand('vscode.openFolder');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the example ISMS in which folder?' });
}
