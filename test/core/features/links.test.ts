import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseDate } from '../../../server/src/core/dates';
import { getDocumentLinks } from '../../../server/src/core/features/links';
import { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { memoryHost, uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';
import { lines } from './navigationFixtures';

function evidenceWithLinks(...links: string[]): string {
  return lines('evidence:', ...links.flatMap((link, i) => [`  - id: EV-${i + 1}`, `    title: Evidence ${i + 1}`, `    link: ${link}`]));
}

/** `line text → target` for each link of a file. */
function linksOf(ws: IsmsWorkspace, uri: string): string[] {
  const file = ws.file(uri)!;
  return getDocumentLinks(ws, uri).map((l) => {
    const text = file.text.slice(file.lines.offsetAt(l.range.start), file.lines.offsetAt(l.range.end));
    return `${l.range.start.line + 1} ${text} → ${l.target}`;
  });
}

describe('document links for evidence', () => {
  const files: MemoryTree = {
    'evidence/access-review.md': '# Review\n',
    'evidence/policies/policy.md': '# Policy\n',
    'evidence/folder/readme.md': 'x',
  };

  it('links a relative path to the file, resolved against the holding file', () => {
    const ws = workspaceOf({ ...files, 'ev.isms.yaml': evidenceWithLinks('evidence/access-review.md', './evidence/policies/policy.md') });
    assert.deepEqual(linksOf(ws, uriOf('ev.isms.yaml')), [
      `4 evidence/access-review.md → ${uriOf('evidence/access-review.md')}`,
      `7 ./evidence/policies/policy.md → ${uriOf('evidence/policies/policy.md')}`,
    ]);
  });

  it('resolves from a file in a subfolder, and keeps the fragment, not the query', () => {
    const ws = workspaceOf({ ...files, 'isms/ev.isms.yaml': evidenceWithLinks('../evidence/access-review.md#L3', '"../evidence/policies/policy.md?v=2"') });
    assert.deepEqual(linksOf(ws, uriOf('isms/ev.isms.yaml')), [
      `4 ../evidence/access-review.md#L3 → ${uriOf('evidence/access-review.md')}#L3`,
      `7 ../evidence/policies/policy.md?v=2 → ${uriOf('evidence/policies/policy.md')}`,
    ]);
  });

  it('has a tooltip naming the target', () => {
    const ws = workspaceOf({ ...files, 'ev.isms.yaml': evidenceWithLinks('evidence/access-review.md', 'https://example.com/a') });
    assert.deepEqual(getDocumentLinks(ws, uriOf('ev.isms.yaml')).map((l) => l.tooltip), ['Open evidence/access-review.md', 'Open https://example.com/a in the browser']);
  });

  it('links https addresses as they are, and nothing for http, other schemes and bad addresses', () => {
    const ws = workspaceOf({
      'ev.isms.yaml': evidenceWithLinks(
        'https://wiki.example.com/isms/policy#scope',
        'http://wiki.example.com/isms',
        'mailto:security@example.com',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'https:///no-host',
      ),
    });
    assert.deepEqual(linksOf(ws, uriOf('ev.isms.yaml')), ['4 https://wiki.example.com/isms/policy#scope → https://wiki.example.com/isms/policy#scope']);
  });

  it('offers no link for a missing file, a folder, an absolute path or a path leaving the workspace', () => {
    const ws = workspaceOf({
      ...files,
      'ev.isms.yaml': evidenceWithLinks('evidence/missing.md', 'evidence/folder', '/ws/evidence/access-review.md', '../../etc/passwd', 'evidence/../../x.md'),
    });
    assert.deepEqual(linksOf(ws, uriOf('ev.isms.yaml')), []);
  });

  describe('through symbolic links', () => {
    // Root `file://`: the workspace is /ws, and /secret lies outside it.
    const tree: MemoryTree = {
      'ws/evidence/access-review.md': '# Review\n',
      'ws/evidence/alias.md': { link: 'ws/evidence/access-review.md' },
      'ws/evidence/leak.md': { link: 'secret/keys.md' },
      'ws/shared': { link: 'secret' },
      'secret/keys.md': 'secret',
      'ws/ev.isms.yaml': evidenceWithLinks('evidence/alias.md', 'evidence/leak.md', 'shared/keys.md'),
    };

    function symlinkWorkspace(): IsmsWorkspace {
      const today = parseDate('2026-11-28')!;
      const ws = new IsmsWorkspace({ host: memoryHost(tree, 'file://'), folderUri: 'file:///ws', today: () => today, unusedSuppressionSeverity: DiagnosticSeverity.Hint });
      ws.scan();
      return ws;
    }

    it('never links a target that a symbolic link places outside the workspace', () => {
      const ws = symlinkWorkspace();
      assert.deepEqual(linksOf(ws, 'file:///ws/ev.isms.yaml'), ['4 evidence/alias.md → file:///ws/evidence/alias.md']);
      // The rule agrees: both escapes are reported.
      const outside = ws.diagnose('file:///ws/ev.isms.yaml')!.diagnostics.filter((d) => d.code === 'evidence-outside-workspace');
      assert.deepEqual(outside.map((d) => d.range.start.line + 1), [7, 10]);
    });
  });

  it('asks the disk once per target and never lists a folder for "did you mean" (a link is offered or not)', () => {
    const tree: MemoryTree = { ...files, 'ev.isms.yaml': evidenceWithLinks('evidence/access-review.md', 'evidence/access-review.md', 'evidence/acces-review.md', 'evidence/acces-review.md') };
    const disk = memoryHost(tree);
    const calls: string[] = [];
    const host = {
      readFile: (uri: string) => disk.readFile(uri),
      stat: (uri: string) => (calls.push(`stat ${uri}`), disk.stat(uri)),
      readDirectory: (uri: string) => (calls.push(`readDirectory ${uri}`), disk.readDirectory(uri)),
      realpath: (uri: string) => (calls.push(`realpath ${uri}`), disk.realpath(uri)),
    };
    const today = parseDate('2026-11-28')!;
    const ws = new IsmsWorkspace({ host, folderUri: uriOf(''), today: () => today, unusedSuppressionSeverity: DiagnosticSeverity.Hint });
    ws.scan();
    calls.length = 0;
    assert.deepEqual(linksOf(ws, uriOf('ev.isms.yaml')).map((l) => l.split(' ')[0]), ['4', '7']);
    assert.equal(calls.filter((c) => c.startsWith('readDirectory')).length, 0, calls.join('\n'));
    assert.equal(new Set(calls).size, calls.length, `each question once:\n${calls.join('\n')}`);
  });
});
