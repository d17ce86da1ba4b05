/**
 * Evidence links are never followed outside the workspace folder, on a real disk: not by
 * `..`, absolute paths, `file:` URIs, percent-encoded or backslashed traversal, UNC paths,
 * nor through a symbolic link to a file or a folder outside; and no scheme an editor would
 * act on (`command:`, `vscode:`, `javascript:`, `data:`) becomes a document link. The rules
 * report each, so nothing is silently dropped.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseDate } from '../../server/src/core/dates';
import { getDocumentLinks } from '../../server/src/core/features/links';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../../server/src/node/diskHost';

const LINK_CODES = ['evidence-invalid-link', 'evidence-outside-workspace', 'evidence-absolute-path', 'evidence-insecure-link', 'evidence-missing-file'];

describe('security: evidence links stay inside the workspace (disk)', () => {
  let root: string;
  let ws: string;
  let outside: string;

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-links-')));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(ws, 'evidence'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(ws, 'evidence', 'policy.md'), '# Policy');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'evidence', 'file-escape.md'));
    fs.symlinkSync(outside, path.join(ws, 'evidence', 'folder-escape'));
    fs.symlinkSync('policy.md', path.join(ws, 'evidence', 'alias.md'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('offers document links only to files inside, and reports every other link', () => {
    const escapes = [
      '../outside/secret.txt', 'evidence/../../outside/secret.txt', './evidence/../../outside/secret.txt', '%2e%2e/outside/secret.txt', '..%2Foutside%2Fsecret.txt',
      'evidence\\..\\..\\outside\\secret.txt', `${path.join(outside, 'secret.txt')}`, `file://${path.join(outside, 'secret.txt')}`, 'file:///etc/passwd',
      '\\\\server\\share\\secret.txt', '//server/share/secret.txt', 'C:\\Windows\\win.ini', 'evidence/file-escape.md', 'evidence/folder-escape/secret.txt',
      'command:workbench.action.terminal.new', 'vscode://file/etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.com/a',
    ];
    const inside = ['evidence/policy.md', 'evidence/alias.md', 'https://example.com/evidence.pdf'];
    const all = [...inside, ...escapes];
    const text = 'evidence:\n' + all.map((link, i) => `  - id: EV-${i + 1}\n    title: Evidence ${i + 1}\n    link: ${JSON.stringify(link)}\n`).join('');
    fs.writeFileSync(path.join(ws, 'evidence.isms.yaml'), text);

    const workspace = new IsmsWorkspace({ host: createDiskHost(), folderUri: pathToUri(ws), today: () => parseDate('2026-11-28')!, unusedSuppressionSeverity: DiagnosticSeverity.Hint });
    workspace.scan();
    const uri = pathToUri(path.join(ws, 'evidence.isms.yaml'));
    const file = workspace.file(uri)!;

    const links = getDocumentLinks(workspace, uri);
    const linked = links.map((l) => JSON.parse(file.text.slice(file.lines.offsetAt(l.range.start) - 1, file.lines.offsetAt(l.range.end) + 1)) as string);
    assert.deepEqual(linked, inside);
    for (const link of links) {
      assert.ok(link.target!.startsWith(pathToUri(ws) + '/') || link.target!.startsWith('https:'), link.target);
      assert.ok(!/^(command|vscode|javascript|data|file:\/\/\/etc)/i.test(link.target!), link.target);
    }

    // Each escape has exactly one link diagnostic, on its line.
    const diagnostics = workspace.diagnose(uri)!.diagnostics.filter((d) => LINK_CODES.includes(String(d.code)));
    const lineOf = (i: number) => 1 + 3 * i + 2;
    for (const [i, link] of all.entries()) {
      const onLine = diagnostics.filter((d) => d.range.start.line === lineOf(i));
      if (inside.includes(link)) assert.deepEqual(onLine, [], link);
      else assert.equal(onLine.length, 1, `${link}: ${onLine.map((d) => d.code).join(', ') || 'no diagnostic'}`);
    }
  });
});
