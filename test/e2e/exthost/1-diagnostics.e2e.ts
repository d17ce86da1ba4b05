/**
 * The Problems an editor shows are the findings `isms check` prints: for every ISMS file
 * of both examples, the same codes on the same ranges (and severities, but for
 * `unused-suppression`, a hint in the editor and a warning in the CLI by design).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, actualInEditor, asObject, expectedFromCli, folder, ismsFiles, waitFor } from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  // broken first: its findings prove the server has checked the workspace before acme's
  // expected "nothing" is compared.
  for (const name of ['broken', 'acme'] as const) {
    it(`${name}: every file's diagnostics equal 'isms check --format json'`, async () => {
      const ws = folder(name);
      const files = await ismsFiles(ws);
      assert.ok(files.length >= 4, `expected the ISMS files of ${name}, found ${files.length}`);
      const expected = asObject(expectedFromCli(ws.uri.fsPath));
      if (name === 'broken') assert.ok(Object.keys(expected).length >= 3, 'the CLI reports findings in several files of broken');
      const same = () => (JSON.stringify(asObject(actualInEditor(files))) === JSON.stringify(expected) ? true : undefined);
      await waitFor([vscode.languages.onDidChangeDiagnostics], same, 30_000);
      assert.deepEqual(asObject(actualInEditor(files)), expected);
    });
  }

  it('broken: opening a file keeps its diagnostics (the buffer is checked like the disk)', async () => {
    const ws = folder('broken');
    const expected = asObject(expectedFromCli(ws.uri.fsPath));
    const files = await ismsFiles(ws);
    for (const uri of files) await vscode.window.showTextDocument(uri, { preview: false });
    const same = () => (JSON.stringify(asObject(actualInEditor(files))) === JSON.stringify(expected) ? true : undefined);
    await waitFor([vscode.languages.onDidChangeDiagnostics], same, 30_000);
    assert.deepEqual(asObject(actualInEditor(files)), expected);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
