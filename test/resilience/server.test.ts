/**
 * The built LSP server under stress: a burst of 1,000 edits ends with the diagnostics of
 * the final version only; a workspace with symbolic-link loops, a removed folder and
 * deleted files leaves it answering. Needs `npm run build`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, DocumentSymbolRequest, FileChangeType, HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/src/core/uri';
import { TestClient } from '../helpers/lspClient';

const BURST = 1000;

/**
 * Counts the publications for `uri` until none has come for `quietMs` (TestClient keeps only
 * the latest; each wait resolves on the next one with another version, or times out).
 */
async function countPublications(client: TestClient, uri: string, until: number, quietMs: number): Promise<number[]> {
  const versions: number[] = [];
  let last = client.latest(uri)?.version;
  for (;;) {
    try {
      const p = await client.waitFor(uri, (q) => q.version !== last, versions.includes(until) ? quietMs : 30_000);
      last = p.version;
      versions.push(p.version!);
    } catch {
      return versions;
    }
  }
}

describe('resilience: the LSP server', function () {
  this.timeout(120_000);
  let client: TestClient | undefined;
  let dir: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-lsp-stress-')));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`ends a burst of ${BURST} edits with the diagnostics of the final version only`, async () => {
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], initializationOptions: { debounceMs: 20 } });
    await client.start();
    const uri = pathToUri(path.join(dir, 'burst.isms.yaml'));
    await client.open(uri, 'isms: 1\n', 1);
    await client.waitFor(uri, (p) => p.version === 1);
    // Valid and broken texts in turn, as fast as the pipe takes them.
    const last = BURST + 1;
    const textOf = (v: number) => (v === last || v % 3 === 1 ? `isms: ${v}\n` : v % 3 === 0 ? `people: [\n  - {${v}` : `soa:\n  controls:\n    - id: A.${v}\n`);
    const counting = countPublications(client, uri, last, 500);
    await Promise.all(Array.from({ length: BURST }, (_, i) => client!.change(uri, textOf(i + 2), i + 2)));
    const versions = await counting;
    // The last publication is the final version's, with the final text's diagnostics.
    assert.equal(versions[versions.length - 1], last, `publications: ${versions.join(',')}`);
    const final = client.latest(uri)!;
    assert.equal(final.version, last);
    assert.deepEqual(final.diagnostics.map((d) => d.code), ['unsupported-version']);
    assert.match(final.diagnostics[0]!.message, new RegExp(`'${last}'`));
    // Debounced: the burst was not checked a thousand times.
    assert.ok(versions.length < BURST / 10, `${versions.length} publications for ${BURST} edits`);
  });

  it('starts on a workspace with symbolic-link loops and keeps answering after files and the folder are removed', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'people.isms.yaml'), 'people:\n  - id: alice\n    name: Alice\n');
    fs.writeFileSync(path.join(dir, 'soa.isms.yaml'), 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: Needed to direct the ISMS, see policy.\n      owner: alice\n');
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('loop.isms.yaml', path.join(dir, 'loop.isms.yaml'));
    fs.symlinkSync('missing.isms.yaml', path.join(dir, 'dangling.isms.yaml'));
    const logs: string[] = [];
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], env: { ISMS_TODAY: '2026-11-28' } });
    client.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    await client.start();
    const soa = pathToUri(path.join(dir, 'soa.isms.yaml'));
    const people = pathToUri(path.join(dir, 'sub', 'people.isms.yaml'));
    const first = await client.waitFor(soa);
    assert.ok(!first.diagnostics.some((d) => d.code === 'unknown-person'));

    // The people file disappears: the SoA's owner becomes unknown.
    fs.rmSync(path.join(dir, 'sub'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: people, type: FileChangeType.Deleted }] });
    await client.waitFor(soa, (p) => p.diagnostics.some((d) => d.code === 'unknown-person'));

    // The whole folder disappears, then leaves the workspace.
    fs.rmSync(dir, { recursive: true, force: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: soa, type: FileChangeType.Deleted }] });
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [{ uri: pathToUri(dir), name: 'gone' }] } });
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: soa } });
    assert.ok(symbols === null || Array.isArray(symbols));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: soa }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    fs.mkdirSync(dir); // for afterEach

    // Still serving: a new document is checked.
    const loose = pathToUri(path.join(os.tmpdir(), 'isms-loose-after-removal.isms.yaml'));
    await client.open(loose, 'isms: 3\n', 1);
    const published = await client.waitFor(loose, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['unsupported-version']);
    assert.doesNotMatch(client.stderr.join(''), /Error|ELOOP/);
  });
});
