/**
 * The built server over stdio, as any LSP client sees it.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToUri } from '../../server/src/core/uri';
import { TestClient } from '../helpers/lspClient';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';

const PEOPLE = `people:
  - id: alice
    name: Alice Chen
    roles: [isms-manager]
`;
const SOA = `soa:
  controls:
    - id: A.5.1
      applicable: true
      justification: Needed to direct the ISMS and required by contracts.
      status: planned
      owner: bob
`;

describe('LSP server over stdio', function () {
  this.timeout(30_000);
  let client: TestClient | undefined;
  let dir: string;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeTempWorkspaces();
  });

  it('answers initialize with its capabilities and name', async () => {
    dir = tempWorkspace({});
    client = new TestClient({ workspaceFolders: [pathToUri(dir)] });
    const result = await client.start();
    assert.equal(result.serverInfo?.name, 'isms-language-server');
    assert.ok(result.capabilities.textDocumentSync);
  });

  it('publishes diagnostics for files on disk at start, with source and code', async () => {
    dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA });
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], env: { ISMS_TODAY: '2026-11-28' } });
    await client.start();
    const soaUri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    const published = await client.waitFor(soaUri);
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-person');
    assert.ok(unknown, JSON.stringify(published.diagnostics));
    assert.equal(unknown.source, 'isms');
    assert.deepEqual(unknown.range, { start: { line: 6, character: 13 }, end: { line: 6, character: 16 } });
  });

  it('re-checks the SoA file when the people file it cites is edited', async () => {
    dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA });
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], env: { ISMS_TODAY: '2026-11-28' } });
    await client.start();
    const soaUri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    const peopleUri = pathToUri(path.join(dir, 'people.isms.yaml'));
    await client.waitFor(soaUri, (p) => p.diagnostics.some((d) => d.code === 'unknown-person'));
    await client.open(peopleUri, PEOPLE, 1);
    await client.change(peopleUri, PEOPLE + '  - id: bob\n    name: Bob Diaz\n    roles: [remediation-owner]\n', 2);
    const after = await client.waitFor(soaUri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-person'));
    assert.ok(!after.diagnostics.some((d) => d.code === 'unknown-person'));
  });

  it('publishes with the document version and only for the final version of a burst of edits', async () => {
    dir = tempWorkspace({});
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], initializationOptions: { debounceMs: 50 } });
    await client.start();
    const uri = pathToUri(path.join(dir, 'x.isms.yaml'));
    await client.open(uri, 'isms: 1\n', 1);
    await client.waitFor(uri, (p) => p.version === 1);
    for (let v = 2; v <= 40; v++) await client.change(uri, `isms: ${v}\n`, v);
    const last = await client.waitFor(uri, (p) => p.version === 40);
    assert.equal(last.diagnostics.length, 1);
    assert.equal(last.diagnostics[0]!.code, 'unsupported-version');
    assert.match(last.diagnostics[0]!.message, /'40'/);
  });

  it('survives a file that does not parse and keeps serving', async () => {
    dir = tempWorkspace({});
    client = new TestClient({ workspaceFolders: [pathToUri(dir)] });
    await client.start();
    const uri = pathToUri(path.join(dir, 'bad.isms.yaml'));
    await client.open(uri, 'people: [\n  - {', 1);
    const bad = await client.waitFor(uri, (p) => p.version === 1);
    assert.ok(bad.diagnostics.some((d) => d.code === 'yaml-syntax'));
    await client.change(uri, 'isms: 1\n', 2);
    const good = await client.waitFor(uri, (p) => p.version === 2);
    assert.deepEqual(good.diagnostics, []);
  });

  it('honours rule severities from the editor settings', async () => {
    dir = tempWorkspace({ 'soa.isms.yaml': SOA });
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], configuration: { rules: { 'unknown-person': 'off' } } });
    await client.start();
    const soaUri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    await client.open(soaUri, SOA, 1);
    const published = await client.waitFor(soaUri, (p) => p.version === 1 && !p.diagnostics.some((d) => d.code === 'unknown-person'));
    assert.ok(published.diagnostics.some((d) => d.code === 'soa-incomplete'));
  });
});
