/**
 * Quick fixes through the built server, as an LSP client asks for them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/src/core/uri';
import { TestClient } from '../helpers/lspClient';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';

const SOA = `soa:
  controls:
    - id: 5.10
      applicable: true
      justification: Required by our contracts with customers.
      status: planned
`;

describe('LSP code actions', function () {
  this.timeout(30_000);
  let client: TestClient | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeTempWorkspaces();
    dir = undefined;
  });

  it('announces quick fixes, without resolve', async () => {
    dir = tempWorkspace();
    client = new TestClient({ workspaceFolders: [pathToUri(dir)] });
    const result = await client.start();
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: false });
  });

  it('returns an edit that turns 5.10 into A.5.10', async () => {
    dir = tempWorkspace();
    const file = path.join(dir, 'soa.isms.yaml');
    fs.writeFileSync(file, SOA);
    const uri = pathToUri(file);
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], env: { ISMS_TODAY: '2026-11-28' } });
    await client.start();
    await client.open(uri, SOA, 1);
    const published = await client.waitFor(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'control-id-format'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'control-id-format')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const edits = fix.edit!.changes![uri]!;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'isms-yaml', 1, SOA), edits);
    assert.equal(fixed, SOA.replace('id: 5.10', 'id: A.5.10'));
    await client.change(uri, fixed, 2);
    const after = await client.waitFor(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'control-id-format' || d.code === 'yaml-syntax'), JSON.stringify(after.diagnostics));
    // A client asking only for refactorings gets none.
    const refactors = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['refactor'] } });
    assert.deepEqual(refactors, []);
  });
});
