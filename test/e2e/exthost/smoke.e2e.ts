import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('has the extension', async () => {
    const ext = vscode.extensions.getExtension('isms-as-code.isms-yaml');
    assert.ok(ext);
    await ext.activate();
    assert.ok(vscode.workspace.workspaceFolders?.length);
  });
});
