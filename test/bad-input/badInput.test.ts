/**
 * The bad-input corpus (expected.json) through every route a file takes: the core on the
 * editor's text, the core through the disk host, and the built LSP server — from disk at
 * start-up and as opened documents. Each member is answered within 10 s with the expected
 * diagnostics, and the server keeps answering afterwards. Needs `npm run build`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseDate } from '../../server/src/core/dates';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../../server/src/node/diskHost';
import { uriOf, workspaceOf } from '../helpers/memoryHost';
import { SERVER, TestClient } from '../helpers/lspClient';
import { assertExpected, BUDGET_MS, MEMBERS, unlistedMembers, type Member } from './corpus';

const TODAY = '2026-11-28';

/** The text an editor would hold: UTF-8 decoded, bad bytes replaced, a BOM kept. */
const editorText = (m: Member): string => m.bytes().toString('utf8');

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = Date.now();
  const value = work();
  return { value, ms: Date.now() - start };
}

describe('bad-input corpus', function () {
  this.timeout(60_000);

  it('lists every corpus file and generator in expected.json', () => {
    assert.deepEqual(unlistedMembers(), []);
  });

  describe('through the core, on the editor text', () => {
    for (const member of MEMBERS) {
      if (member.expect.knownIssue) {
        it(`${member.name} — known issue, pending: ${member.expect.knownIssue}`);
        continue;
      }
      it(member.name, () => {
        const text = editorText(member);
        const { value: diagnostics, ms } = timed(() => workspaceOf({ 'x.isms.yaml': text }, { today: TODAY }).diagnose(uriOf('x.isms.yaml'))!.diagnostics);
        assert.ok(ms < BUDGET_MS, `${member.name}: ${ms} ms`);
        assertExpected(member, diagnostics, text, 'editor text');
      });
    }
  });

  describe('through the disk host', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-bad-disk-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const member of MEMBERS) {
      if (member.expect.knownIssue) {
        it(`${member.name} — known issue, pending`);
        continue;
      }
      it(member.name, () => {
        const folder = path.join(dir, member.name);
        fs.mkdirSync(folder);
        const file = path.join(folder, `${member.name}.isms.yaml`);
        fs.writeFileSync(file, member.bytes());
        const { value: diagnostics, ms } = timed(() => {
          const ws = new IsmsWorkspace({
            host: createDiskHost(), folderUri: pathToUri(folder), today: () => parseDate(TODAY)!, unusedSuppressionSeverity: DiagnosticSeverity.Hint,
          });
          ws.scan();
          const result = ws.diagnose(pathToUri(file));
          assert.ok(result, `${member.name}: the scan did not load the file`);
          return result.diagnostics;
        });
        assert.ok(ms < BUDGET_MS, `${member.name}: ${ms} ms`);
        // The disk host strips a BOM; the ranges refer to the text without it.
        assertExpected(member, diagnostics, editorText(member).replace(/^\uFEFF/, ''), 'disk host');
      });
    }
  });

  describe('through the built LSP server', function () {
    this.timeout(10 * 60_000);
    const members = MEMBERS.filter((m) => !m.expect.knownIssue);
    let dir: string;
    let client: TestClient | undefined;
    const uriOfMember = (m: Member) => pathToUri(path.join(dir, m.name, `${m.name}.isms.yaml`));

    before(async function () {
      if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run 'npm run build' first`);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-bad-lsp-'));
      for (const m of members) {
        fs.mkdirSync(path.join(dir, m.name));
        fs.writeFileSync(path.join(dir, m.name, `${m.name}.isms.yaml`), m.bytes());
      }
      // One workspace folder per member, so that no two members meet in one ISMS.
      client = new TestClient({ workspaceFolders: members.map((m) => pathToUri(path.join(dir, m.name))), env: { ISMS_TODAY: TODAY } });
      await client.start();
    });

    after(async () => {
      await client?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('publishes the expected diagnostics for every member on disk, each within 10 s of the one before', async () => {
      for (const m of members) {
        const published = await client!.waitFor(uriOfMember(m), () => true, BUDGET_MS);
        assertExpected(m, published.diagnostics, editorText(m).replace(/^\uFEFF/, ''), 'LSP, from disk');
      }
    });

    it('answers each member opened in the editor within 10 s, with the diagnostics for that version', async () => {
      for (const m of members) {
        const uri = uriOfMember(m);
        const text = editorText(m);
        const started = Date.now();
        await client!.open(uri, text, 7);
        const published = await client!.waitFor(uri, (p) => p.version === 7, BUDGET_MS);
        assert.ok(Date.now() - started < BUDGET_MS, `${m.name}: ${Date.now() - started} ms`);
        assertExpected(m, published.diagnostics, text, 'LSP, opened');
      }
    });

    it('keeps answering requests and edits afterwards', async () => {
      const uri = uriOfMember(members.find((m) => m.name === 'deep-flow-closed')!);
      const symbols = await client!.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      const hover = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
      assert.ok(hover === null || typeof hover === 'object');
      await client!.change(uri, 'isms: 1\norganization:\n  name: Acme Ltd\n', 8);
      const after = await client!.waitFor(uri, (p) => p.version === 8, BUDGET_MS);
      assert.deepEqual(after.diagnostics, []);
      const stderr = client!.stderr.join('');
      assert.doesNotMatch(stderr, /RangeError|Maximum call stack|FATAL|out of memory/i, stderr.slice(0, 2000));
    });
  });
});
