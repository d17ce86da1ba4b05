import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { WorkspaceHost } from '../../../server/src/core/host';
import { parseDate } from '../../../server/src/core/dates';
import { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { ROOT, diagnosticsOf, memoryHost, uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';
import { evidenceWithLink, linkFindings, linkFindingsFor } from './evidenceLinkFixtures';

describe('rule evidence-missing-file', () => {
  it('reports a relative path whose file does not exist, on the link value', () => {
    assert.deepEqual(linkFindingsFor('evidence/access-review.pdf'), [{ code: 'evidence-missing-file', line: 4, text: 'evidence/access-review.pdf' }]);
  });

  it('ignores #fragment and ?query', () => {
    const extra = { 'evidence/policy.pdf': 'pdf' };
    assert.deepEqual(linkFindingsFor('evidence/policy.pdf#page=3', extra), []);
    assert.deepEqual(linkFindingsFor('evidence/policy.pdf?version=2', extra), []);
    assert.deepEqual(linkFindingsFor('evidence/gone.pdf#page=3', extra), [{ code: 'evidence-missing-file', line: 4, text: 'evidence/gone.pdf#page=3' }]);
  });

  it('accepts a link to an existing folder', () => {
    assert.deepEqual(linkFindingsFor('evidence/screenshots', { 'evidence/screenshots': { dir: true } }), []);
    assert.deepEqual(linkFindingsFor('evidence/screenshots/', { 'evidence/screenshots': { dir: true } }), []);
  });

  it('resolves against the holding file\'s folder, not the workspace root', () => {
    const tree = { 'isms/evidence.isms.yaml': evidenceWithLink('evidence/policy.pdf'), 'evidence/policy.pdf': 'pdf' };
    assert.deepEqual(linkFindings(tree, 'isms/evidence.isms.yaml').map((f) => f.code), ['evidence-missing-file']);
    assert.deepEqual(linkFindings({ ...tree, 'isms/evidence.isms.yaml': evidenceWithLink('../evidence/policy.pdf') }, 'isms/evidence.isms.yaml'), []);
  });

  it('does not percent-decode plain paths', () => {
    assert.deepEqual(linkFindingsFor('evidence/board%20minutes.pdf', { 'evidence/board%20minutes.pdf': 'pdf' }), []);
    assert.deepEqual(linkFindingsFor('evidence/board%20minutes.pdf', { 'evidence/board minutes.pdf': 'pdf' }).map((f) => f.code), ['evidence-missing-file']);
  });

  it('suggests a file with a similar name', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': evidenceWithLink('evidence/acess-review.pdf#p2'), 'evidence/access-review.pdf': 'pdf' });
    const [d] = diagnosticsOf(ws, 'evidence.isms.yaml', ['evidence-missing-file']);
    assert.equal(
      d!.message,
      "The link 'evidence/acess-review.pdf#p2' of evidence EV-001 points to evidence/acess-review.pdf, which does not exist, so an auditor following it finds nothing. Add the file or correct the path (it is relative to this file's folder). Did you mean 'evidence/access-review.pdf#p2'?",
    );
    assert.deepEqual(d!.data, { link: 'evidence/acess-review.pdf#p2', resolved: 'evidence/acess-review.pdf', suggestions: ['evidence/access-review.pdf#p2'], id: 'EV-001' });
  });

  it('words each link to the same missing file its own way, and sees the file once it exists', () => {
    const register = [
      'evidence:',
      '  - id: EV-001', '    title: Access review', '    link: docs/acess-review.pdf', '    collected: 2026-10-01',
      '  - id: EV-002', '    title: Access review, page 2', '    link: docs/acess-review.pdf#page=2', '    collected: 2026-10-01',
      '  - id: EV-003', '    title: Access review again', '    link: docs\\acess-review.pdf', '    collected: 2026-10-01',
      '',
    ].join('\n');
    const before: MemoryTree = { 'evidence.isms.yaml': register, 'docs/access-review.pdf': 'pdf' };
    // The disk as the workspace sees it; the test swaps it between check passes.
    let disk: WorkspaceHost = memoryHost(before);
    const host: WorkspaceHost = {
      readFile: (uri) => disk.readFile(uri), stat: (uri) => disk.stat(uri),
      readDirectory: (uri) => disk.readDirectory(uri), realpath: (uri) => disk.realpath(uri),
    };
    const ws = new IsmsWorkspace({ host, folderUri: ROOT, today: () => parseDate('2026-11-28')!, unusedSuppressionSeverity: DiagnosticSeverity.Hint });
    ws.scan();
    const missing = () => ws.diagnoseAll().find((f) => f.uri === uriOf('evidence.isms.yaml'))!.diagnostics.filter((d) => d.code === 'evidence-missing-file');
    assert.deepEqual(missing().map((d) => (d.data as { suggestions: string[] }).suggestions), [
      ['docs/access-review.pdf'], ['docs/access-review.pdf#page=2'], ['docs\\access-review.pdf'],
    ]);
    disk = memoryHost({ ...before, 'docs/acess-review.pdf': 'pdf' });
    assert.deepEqual(missing(), []);
  });

  it('in a folder of more than 256 files, suggests only names at most 3 edits away', () => {
    const exports = (count: number): MemoryTree => Object.fromEntries(Array.from({ length: count }, (_, i) => [`exports/review-2025-${String(i).padStart(4, '0')}.csv`, 'csv']));
    const register = [
      'evidence:',
      '  - id: EV-001', '    title: Review export', '    link: exports/review-2025-0O12.csv', '    collected: 2026-10-01',
      '  - id: EV-002', '    title: Old review export', '    link: exports/review-2025-0012-old.csv', '    collected: 2026-10-01',
      '',
    ].join('\n');
    const suggestions = (count: number) => diagnosticsOf(workspaceOf({ 'evidence.isms.yaml': register, ...exports(count) }), 'evidence.isms.yaml', ['evidence-missing-file'])
      .map((d) => (d.data as { suggestions: string[] }).suggestions[0]);
    assert.deepEqual(suggestions(256), ['exports/review-2025-0012.csv', 'exports/review-2025-0012.csv']);
    assert.deepEqual(suggestions(257), ['exports/review-2025-0012.csv', undefined]);
  });

  it('reports each link once, with the first rule that applies', () => {
    const tree = { 'evidence.isms.yaml': ['evidence:', ...['javascript:void(0)', '../../x', '/etc/passwd', 'http://example.com/x', 'missing.pdf', 'https://example.com/x'].flatMap((link, i) => [`  - id: EV-00${i + 1}`, '    title: Some evidence', `    link: ${link}`]), ''].join('\n') };
    assert.deepEqual(linkFindings(tree).map((f) => `${f.line} ${f.code}`), [
      '4 evidence-invalid-link',
      '7 evidence-outside-workspace',
      '10 evidence-absolute-path',
      '13 evidence-insecure-link',
      '16 evidence-missing-file',
    ]);
  });

  it('reports nothing for a link the schema rejects as not text', () => {
    assert.deepEqual(linkFindingsFor('2026'), []);
  });
});
