import * as vscode from 'vscode';

/** True when something exists at the URI (any file system VS Code knows). */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
