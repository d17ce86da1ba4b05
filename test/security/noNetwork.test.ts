/**
 * The server, the CLI and report generation never open a socket, resolve a name or start
 * a process: each runs with netGuard.cjs preloaded (NODE_OPTIONS=--require), which records
 * and refuses every such attempt. The server is driven over stdio through every feature on
 * the example workspace; the CLI runs check, report and status. Needs `npm run build`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentHighlightRequest, DocumentLinkRequest, DocumentSymbolRequest, HoverRequest,
  InlayHintRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { pathToUri } from '../../server/src/core/uri';
import { PHASES_REQUEST, REPORT_REQUEST, CONTROLS_REQUEST } from '../../server/src/protocol';
import { SERVER, TestClient } from '../helpers/lspClient';

const REPO = path.resolve(__dirname, '../..');
const GUARD = path.join(__dirname, 'netGuard.cjs');
const CLI = path.join(REPO, 'dist/cli.js');
const ACME = path.join(REPO, 'examples/acme');

function guardedEnv(log: string): Record<string, string> {
  return { NODE_OPTIONS: `--require=${JSON.stringify(GUARD)}`, ISMS_NET_GUARD_LOG: log, ISMS_TODAY: '2026-11-28' };
}

/** The command lines of the processes that ran with the guard loaded. */
function guarded(log: string): string[] {
  return fs.existsSync(`${log}.loaded`) ? fs.readFileSync(`${log}.loaded`, 'utf8').split('\n').filter(Boolean) : [];
}

function attempts(log: string): string[] {
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

describe('security: no network, no processes', function () {
  this.timeout(120_000);
  let tmp: string;
  let log: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-netguard-'));
    log = path.join(tmp, 'attempts.jsonl');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the guard itself catches sockets, DNS, fetch and processes (the control experiment)', () => {
    const script = [
      "const tryIt = (f) => { try { const r = f(); if (r && r.catch) r.catch(() => {}); } catch {} };",
      "tryIt(() => require('net').connect(80, '127.0.0.1'));",
      "tryIt(() => require('dns').lookup('example.com', () => {}));",
      "tryIt(() => require('https').get('https://example.com'));",
      "tryIt(() => fetch('https://example.com'));",
      "tryIt(() => require('child_process').execSync('true'));",
      "tryIt(() => require('net').createServer().listen(0));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ...guardedEnv(log) }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const whats = attempts(log).map((line) => (JSON.parse(line) as { what: string }).what);
    for (const expected of ['net.connect', 'dns.lookup', 'https.get', 'fetch', 'child_process.execSync', 'net.Server.listen']) {
      assert.ok(whats.includes(expected), `${expected} not caught: ${whats.join(', ')}`);
    }
  });

  it('the language server, driven through every feature on the example workspace', async () => {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run 'npm run build' first`);
    const client = new TestClient({ workspaceFolders: [pathToUri(ACME)], env: guardedEnv(log) });
    try {
      await client.start();
      const folderUri = pathToUri(ACME);
      for (const name of fs.readdirSync(ACME).filter((f) => f.endsWith('.isms.yaml'))) {
        const uri = pathToUri(path.join(ACME, name));
        const text = fs.readFileSync(path.join(ACME, name), 'utf8');
        await client.open(uri, text, 1);
        const published = await client.waitFor(uri, (p) => p.version === 1);
        const doc = { textDocument: { uri } };
        const lines = text.split('\n');
        // A few places per file: ids, keys, values.
        const positions = [5, 12, 20, 40].filter((l) => l < lines.length).map((line) => ({ line, character: Math.min(lines[line]!.length, 10) }));
        for (const position of positions) {
          await client.connection.sendRequest(HoverRequest.type, { ...doc, position });
          await client.connection.sendRequest(CompletionRequest.type, { ...doc, position });
          await client.connection.sendRequest(DefinitionRequest.type, { ...doc, position });
          await client.connection.sendRequest(ReferencesRequest.type, { ...doc, position, context: { includeDeclaration: true } });
          await client.connection.sendRequest(DocumentHighlightRequest.type, { ...doc, position });
          const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { ...doc, position });
          if (prepared) await client.connection.sendRequest(RenameRequest.type, { ...doc, position, newName: 'renamed-id' }).catch(() => undefined);
        }
        const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
        await client.connection.sendRequest(CodeActionRequest.type, { ...doc, range: whole, context: { diagnostics: published.diagnostics } });
        await client.connection.sendRequest(DocumentSymbolRequest.type, doc);
        await client.connection.sendRequest(DocumentLinkRequest.type, doc);
        await client.connection.sendRequest(CodeLensRequest.type, doc);
        await client.connection.sendRequest(InlayHintRequest.type, { ...doc, range: whole });
      }
      await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'access' });
      await client.connection.sendRequest(PHASES_REQUEST, { folderUri });
      await client.connection.sendRequest(CONTROLS_REQUEST, { folderUri });
      for (const kind of ['soa', 'pre-assessment', 'nonconformities']) {
        for (const format of ['md', 'html', 'csv']) {
          const report = (await client.connection.sendRequest(REPORT_REQUEST, { folderUri, kind, format })) as { content?: string } | null;
          assert.ok(report?.content, `${kind}.${format}: no content`);
        }
      }
    } finally {
      await client.stop();
    }
    assert.ok(guarded(log).some((argv) => argv.includes('server.js')), `the server did not run with the guard: ${guarded(log).join(' | ')}`);
    assert.deepEqual(attempts(log), [], 'the server tried to reach the network or start a process');
    assert.doesNotMatch(client.stderr.join(''), /blocked by the test's network guard/);
  });

  it('the CLI: check (text, json, sarif), every report in every format, and status', () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
    const runs: string[][] = [
      ['check', ACME], ['check', ACME, '--format', 'json'], ['check', ACME, '--format', 'sarif'], ['status', ACME], ['status', ACME, '--format', 'json'],
    ];
    for (const kind of ['soa', 'pre-assessment', 'nonconformities']) {
      for (const format of ['md', 'html', 'csv']) runs.push(['report', kind, ACME, '--format', format, '-o', path.join(tmp, `${kind}.${format}`)]);
    }
    for (const args of runs) {
      const run = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...guardedEnv(log) }, encoding: 'utf8', timeout: 60_000 });
      assert.ok(run.status === 0 || run.status === 1, `isms ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /blocked by the test's network guard|internal error/, `isms ${args.join(' ')}`);
    }
    assert.equal(guarded(log).filter((argv) => argv.includes('cli.js')).length, runs.length, 'every CLI run had the guard loaded');
    assert.deepEqual(attempts(log), [], 'the CLI tried to reach the network or start a process');
  });
});
