/**
 * Completion and hover through the built server over stdio (`npm run build` first).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, HoverRequest, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/src/core/uri';
import { TestClient } from '../helpers/lspClient';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';

const ACME = path.resolve(__dirname, '../../examples/acme');

describe('LSP completion and hover', function () {
  this.timeout(30_000);
  let client: TestClient | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeTempWorkspaces();
    dir = undefined;
  });

  it('announces completion with trigger characters, and hover', async () => {
    dir = tempWorkspace();
    client = new TestClient({ workspaceFolders: [pathToUri(dir)] });
    const result = await client.start();
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, [' ', ':', '.', '-', '[']);
    assert.equal(result.capabilities.hoverProvider, true);
  });

  it('offers all 93 controls at an SoA id of an open document', async () => {
    dir = tempWorkspace();
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], env: { ISMS_TODAY: '2026-11-28' } });
    await client.start();
    const uri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    const text = 'soa:\n  controls:\n    - id: \n';
    await client.open(uri, text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri }, position: { line: 2, character: 10 },
    })) as CompletionList;
    assert.equal(list.items.length, 93);
    const crypto = list.items.find((i) => i.label === 'A.8.24');
    assert.equal(crypto?.detail, 'Use of cryptography');
  });

  it('shows the title and the SoA state of a control in the example ISMS', async () => {
    client = new TestClient({ workspaceFolders: [pathToUri(ACME)], env: { ISMS_TODAY: '2026-11-28' } });
    await client.start();
    const uri = pathToUri(path.join(ACME, 'soa.isms.yaml'));
    await client.waitFor(uri);
    const lines = fs.readFileSync(path.join(ACME, 'soa.isms.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.trim() === '- id: A.5.15');
    assert.ok(line >= 0);
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri }, position: { line, character: lines[line]!.indexOf('A.5.15') + 2 },
    })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*A\.5\.15 Access control\*\*/);
    assert.match(value, /SoA: \*\*applicable\*\* · status `implemented`/);
    assert.deepEqual(hover.range?.start, { line, character: lines[line]!.indexOf('A.5.15') });
  });
});
