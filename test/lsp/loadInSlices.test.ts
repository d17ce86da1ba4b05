/**
 * A large folder is read in slices (WorkspaceRegistry, IsmsWorkspace.startScan): the
 * server keeps taking messages meanwhile, shows progress, answers requests only from the
 * whole ISMS, and publishes no diagnostics from a half-read one.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { WorkspaceHost } from '../../server/src/core/host';
import { pathToUri } from '../../server/src/core/uri';
import { WorkspaceRegistry, type LoadProgress } from '../../server/src/lsp/workspaceRegistry';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { memoryHost, ROOT, type MemoryTree } from '../helpers/memoryHost';
import { TestClient } from '../helpers/lspClient';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';
import { parseDate } from '../../server/src/core/dates';

const TODAY = parseDate('2026-11-28')!;

/**
 * A people file read first (amy), `count` risk files whose owner is zoe, and zoe in the
 * folder read last: in a half-read ISMS, zoe would be an unknown person.
 */
function tree(count: number): MemoryTree {
  const files: MemoryTree = {};
  for (let i = 0; i < count; i++) {
    files[`risks/r${String(i).padStart(4, '0')}.isms.yaml`] = `risks:\n  - id: R-${i}\n    title: Risk ${i}\n    owner: zoe\n    likelihood: 2\n    impact: 3\n    treatment: mitigate\n`;
  }
  files['people.isms.yaml'] = 'people:\n  - id: amy\n    name: Amy Brown\n    roles: [internal-auditor]\n';
  files['zz/people.isms.yaml'] = 'people:\n  - id: zoe\n    name: Zoe Adams\n    roles: [isms-manager]\n';
  return files;
}

/** A host whose file reads take `ms` each, so that a folder needs several slices. */
function slowHost(files: MemoryTree, ms: number): WorkspaceHost {
  const host = memoryHost(files);
  return {
    ...host,
    readFile(uri) {
      const until = Date.now() + ms;
      while (Date.now() < until) { /* a slow disk */ }
      return host.readFile(uri);
    },
  };
}

describe('reading a large folder in slices', function () {
  this.timeout(60_000);

  it('reads a small folder at once, and a large one in slices with progress, then has every file', async () => {
    const progress: LoadProgress[] = [];
    const registry = new WorkspaceRegistry({ host: slowHost(tree(40), 5), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: () => undefined, onLoadProgress: (p) => progress.push(p) });
    const loaded: string[] = [];
    const ws = registry.addFolder(ROOT, (w) => loaded.push(w.folderUri));
    assert.equal(ws.isLoading, true, 'not done after the first slice');
    assert.ok(registry.whenLoaded(), 'something to wait for');
    await registry.whenLoaded();
    assert.equal(ws.isLoading, false);
    assert.deepEqual(loaded, [ROOT], 'told once, when done');
    assert.equal(ws.uris().length, 42);
    assert.ok(progress.length >= 2 && progress.slice(0, -1).every((p) => !p.done), JSON.stringify(progress));
    assert.deepEqual(progress.at(-1), { ws, read: 42, total: 42, done: true });
    assert.equal(registry.whenLoaded(), undefined, 'nothing left to wait for');

    const small = new WorkspaceRegistry({ host: memoryHost(tree(3), 'file:///small'), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: () => undefined, onLoadProgress: (p) => progress.push(p) });
    const before = progress.length;
    const smallWs = small.addFolder('file:///small');
    assert.equal(smallWs.isLoading, false, 'read within addFolder');
    assert.equal(smallWs.uris().length, 5);
    assert.equal(progress.length, before, 'no progress shown for a folder read at once');
  });

  it('keeps an editor buffer opened while the folder is read, and checks nothing until the end', async () => {
    const files = tree(30);
    const registry = new WorkspaceRegistry({ host: slowHost(files, 5), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: () => undefined });
    const ws = registry.addFolder(ROOT);
    const edited = `${ROOT}/risks/r0029.isms.yaml`;
    ws.setDocument(edited, 'risks:\n  - id: R-EDITED\n    title: Edited\n    owner: zoe\n', 7);
    await registry.whenLoaded();
    assert.equal(ws.file(edited)?.version, 7, 'the editor text, not the disk');
    assert.ok(ws.model.itemsWithId('risk', 'R-EDITED').length === 1);
    assert.deepEqual(ws.diagnose(`${ROOT}/risks/r0000.isms.yaml`)?.diagnostics.filter((d) => d.code === 'unknown-person'), [], 'zoe, read last, is known');
  });

  it('serves the files read so far, and logs why, when reading fails midway', async () => {
    const logs: string[] = [];
    const registry = new WorkspaceRegistry({ host: slowHost(tree(40), 5), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: (m) => logs.push(m) });
    const original = IsmsWorkspace.prototype.startScan;
    let calls = 0;
    IsmsWorkspace.prototype.startScan = function (this: IsmsWorkspace) {
      const job = original.call(this);
      return { ...job, step: (shouldYield: () => boolean) => (++calls === 2 ? (() => { throw new Error('disk gone'); })() : job.step(shouldYield)) };
    };
    let told = false;
    try {
      const ws = registry.addFolder(ROOT, () => (told = true));
      await registry.whenLoaded();
      assert.equal(ws.isLoading, false, 'not left loading');
      assert.ok(told, 'the server is told, so it publishes what it has');
      assert.ok(ws.uris().length > 0 && ws.uris().length < 42);
      assert.ok(logs.some((m) => /Reading file:\/\/\/ws failed; the ISMS was loaded with \d+ of 42 files: Error: disk gone/.test(m)), logs.join('\n'));
    } finally {
      IsmsWorkspace.prototype.startScan = original;
    }
  });

  it('makes a request about a document wait only for the folder that holds it', async () => {
    const slow = slowHost(tree(40), 5);
    const quick = memoryHost({ 'people.isms.yaml': 'people:\n  - id: amy\n    name: Amy Brown\n    roles: [internal-auditor]\n' }, 'file:///other');
    const route = (uri: string): WorkspaceHost => (uri.startsWith('file:///other') ? quick : slow);
    const host: WorkspaceHost = {
      readFile: (uri) => route(uri).readFile(uri),
      stat: (uri) => route(uri).stat(uri),
      readDirectory: (uri) => route(uri).readDirectory(uri),
      realpath: (uri) => route(uri).realpath(uri),
    };
    const registry = new WorkspaceRegistry({ host, today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: () => undefined });
    const large = registry.addFolder(ROOT);
    registry.addFolder('file:///other');
    assert.equal(large.isLoading, true);
    assert.equal(registry.whenLoaded('file:///other/people.isms.yaml'), undefined, 'another folder, already read');
    assert.equal(registry.whenLoaded('file:///elsewhere/loose.isms.yaml'), undefined, 'a file outside every folder');
    const inLarge = registry.whenLoaded(`${ROOT}/risks/r0000.isms.yaml`);
    assert.ok(inLarge, 'a file of the folder being read waits');
    assert.ok(registry.whenLoaded(), 'and so does a request about every folder');
    await inLarge;
    assert.equal(large.isLoading, false);
  });

  it('stops reading a folder removed meanwhile and does not report it loaded', async () => {
    const registry = new WorkspaceRegistry({ host: slowHost(tree(40), 5), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: () => undefined });
    let told = false;
    const ws = registry.addFolder(ROOT, () => (told = true));
    registry.removeFolder(ROOT);
    await registry.whenLoaded();
    assert.equal(told, false);
    assert.ok(ws.uris().length < 42, 'no more files read after the removal');
  });
});

describe('LSP server reading a large folder', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeTempWorkspaces();
  });

  it('shows progress, answers a request sent meanwhile from the whole ISMS, and publishes no half-read diagnostics', async () => {
    const files = tree(3000) as Record<string, string>;
    const dir = tempWorkspace(files);
    const first = pathToUri(path.join(dir, 'risks/r0000.isms.yaml'));
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], workDoneProgress: true });
    await client.start();
    // Open the file while the folder is being read: once the progress has begun.
    for (const deadline = Date.now() + 20_000; client.progress.length === 0;) {
      assert.ok(Date.now() < deadline, 'no progress shown');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await client.open(first, files['risks/r0000.isms.yaml']!);
    // `owner: zoe` is defined in the file read last: a hover sent now must wait for it.
    const text = files['risks/r0000.isms.yaml']!;
    const line = text.split('\n').findIndex((l) => l.includes('owner: zoe'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: first }, position: { line, character: text.split('\n')[line]!.indexOf('zoe') + 1 } });
    assert.match(hover?.contents.value ?? '', /Zoe Adams/);
    await client.waitFor(first, () => true, 30_000);
    const published = client.history.filter((p) => p.uri === first).map((p) => p.diagnostics.map((d) => String(d.code)));
    assert.ok(published.length > 0 && published.every((codes) => !codes.includes('unknown-person')), JSON.stringify(published));
    const kinds = client.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin', JSON.stringify(client.progress.slice(0, 3)));
    assert.equal(kinds.at(-1), 'end');
    assert.match(client.progress[0]!.title ?? '', /Reading the ISMS in /);
  });
  it('answers a request about a file outside the folder while the folder is still being read', async () => {
    const files = tree(3000) as Record<string, string>;
    const dir = tempWorkspace(files);
    const looseDir = tempWorkspace({});
    const loose = pathToUri(path.join(looseDir, 'soa.isms.yaml'));
    const text = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      status: implemented\n';
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], workDoneProgress: true });
    await client.start();
    for (const deadline = Date.now() + 20_000; client.progress.length === 0;) {
      assert.ok(Date.now() < deadline, 'no progress shown');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await client.open(loose, text);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: loose }, position: { line: 2, character: 12 } });
    assert.match(hover?.contents.value ?? '', /Policies for information security/);
    assert.ok(!client.progress.some((p) => p.kind === 'end'), 'answered before the folder was read');
  });
});
