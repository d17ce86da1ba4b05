/**
 * The example workspaces shipped in `examples/`, checked from disk as the CLI does:
 * `acme` is a complete, clean ISMS; `broken` marks each mistake with a comment
 * `# expect: code[, code]` on the line above the line that must be reported.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { getControl } from '../../server/src/core/catalog';
import { parseDate } from '../../server/src/core/dates';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../../server/src/node/diskHost';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const TODAY = parseDate('2026-11-28')!;

function exampleWorkspace(name: string): IsmsWorkspace {
  const ws = new IsmsWorkspace({
    host: createDiskHost(),
    folderUri: pathToUri(path.join(EXAMPLES, name)),
    today: () => TODAY,
    unusedSuppressionSeverity: DiagnosticSeverity.Warning,
  });
  ws.scan();
  return ws;
}

const fileName = (ws: IsmsWorkspace, uri: string): string => uri.slice(ws.folderUri.length + 1);
const describeDiagnostic = (file: string, d: Diagnostic): string => `${file}:${d.range.start.line + 1} ${String(d.code)}: ${d.message}`;

/** `# expect: a, b` on a line of its own → the codes expected on the next line (0-based). */
function expectationsOf(text: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  text.split(/\r?\n/).forEach((row, i) => {
    const m = /^\s*#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/.exec(row);
    if (!m) return;
    for (const code of m[1]!.split(',')) out.push({ line: i + 1, code: code.trim() });
  });
  return out;
}

describe('examples', () => {
  it('reads expectation comments, one or several codes, only on lines of their own', () => {
    assert.deepEqual(expectationsOf('# header: `# expect: <code>`\n  # expect: a-b, c\nx: 1\n# expect: d\ny: 2\n'), [
      { line: 2, code: 'a-b' },
      { line: 2, code: 'c' },
      { line: 4, code: 'd' },
    ]);
  });

  describe('acme', () => {
    const ws = exampleWorkspace('acme');

    it('has at least 5 ISMS files', () => {
      assert.ok(ws.uris().length >= 5, `found ${ws.uris().length}: ${ws.uris().join(', ')}`);
    });

    it('has no diagnostic of any severity', () => {
      const all = ws.diagnoseAll().flatMap((f) => f.diagnostics.map((d) => describeDiagnostic(fileName(ws, f.uri), d)));
      assert.deepEqual(all, []);
    });

    it('addresses all 93 controls in its SoA', () => {
      const addressed = new Set(ws.model.soaEntries.map((e) => e.id).filter((id): id is string => id !== undefined && getControl(id) !== undefined));
      assert.equal(addressed.size, 93);
    });
  });

  describe('broken', () => {
    const ws = exampleWorkspace('broken');
    const results = ws.diagnoseAll().map((f) => ({
      file: fileName(ws, f.uri),
      diagnostics: f.diagnostics,
      expected: expectationsOf(ws.file(f.uri)!.text),
    }));

    it('has expectation comments', () => {
      assert.ok(results.some((r) => r.expected.length > 0), `no '# expect:' comment in ${results.map((r) => r.file).join(', ')}`);
    });

    it('reports every expected code on the line below its comment', () => {
      const missing: string[] = [];
      for (const { file, diagnostics, expected } of results) {
        for (const { line, code } of expected) {
          if (diagnostics.some((d) => d.code === code && d.range.start.line === line)) continue;
          const nearby = diagnostics.filter((d) => Math.abs(d.range.start.line - line) <= 2).map((d) => describeDiagnostic(file, d));
          missing.push(`${file}:${line + 1} expected ${code}` + (nearby.length > 0 ? `; nearby: ${nearby.join(' | ')}` : ''));
        }
      }
      assert.deepEqual(missing, []);
    });

    it('reports nothing that is not expected', () => {
      const unexpected: string[] = [];
      for (const { file, diagnostics, expected } of results) {
        for (const d of diagnostics) {
          if (expected.some((e) => e.code === d.code && e.line === d.range.start.line)) continue;
          unexpected.push(describeDiagnostic(file, d));
        }
      }
      assert.deepEqual(unexpected, []);
    });
  });
});
