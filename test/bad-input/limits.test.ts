/**
 * The limits that keep the checker answering (spec §9 "never a hang"): the size cap, the
 * nesting cap (checked before `yaml` recurses), the alias cap, long lines, text that is not
 * text, BOM and line ends, and a workspace of tens of thousands of files. Each is answered
 * within seconds, with one clear diagnostic where the input cannot be checked.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseDate } from '../../server/src/core/dates';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../server/src/core/diagnostics/diagnose';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, MAX_NESTING_DEPTH, parseIsmsFile } from '../../server/src/core/parse/ismsFile';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { DEFAULT_SCAN_LIMITS } from '../../server/src/core/workspace/scan';
import { WorkspaceRegistry } from '../../server/src/lsp/workspaceRegistry';
import { createDiskHost } from '../../server/src/node/diskHost';
import { memoryHost, ROOT, uriOf, workspaceOf, type MemoryTree } from '../helpers/memoryHost';

const TODAY = parseDate('2026-11-28')!;

function diagnose(text: string): { diagnostics: Diagnostic[]; ms: number; text: string } {
  const start = Date.now();
  const ws = workspaceOf({ 'x.isms.yaml': text });
  const diagnostics = ws.diagnose(uriOf('x.isms.yaml'))!.diagnostics;
  return { diagnostics, ms: Date.now() - start, text };
}

function covered(text: string, d: Diagnostic): string {
  const file = parseIsmsFile('file:///x', text);
  return text.slice(file.lines.offsetAt(d.range.start), file.lines.offsetAt(d.range.end));
}

/** Every shape in which YAML nests, `depth` levels deep. */
const NESTINGS: Record<string, (depth: number) => string> = {
  'flow sequences': (n) => 'people: ' + '['.repeat(n - 1) + ']'.repeat(n - 1) + '\n',
  'flow mappings': (n) => 'soa: ' + '{a: '.repeat(n - 1) + '1' + '}'.repeat(n - 1) + '\n',
  'compact block sequences': (n) => '- '.repeat(n) + 'x\n',
  'indented block mappings': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' x\n',
  'indented block sequences': (n) => Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + '-').join('\n') + ' x\n',
  'mappings and sequences alternating': alternating,
};

/** `k:` / `- k:` / `  - k:` …: a mapping and a sequence per line, `depth` levels in all. */
function alternating(depth: number): string {
  const lines = ['k:'];
  let levels = 1;
  for (let indent = 0; levels + 2 <= depth; indent += 2, levels += 2) lines.push(' '.repeat(indent) + '- k:');
  if (levels < depth) lines.push(' '.repeat(2 * (lines.length - 1)) + '- x');
  else lines[lines.length - 1] += ' x';
  return lines.join('\n') + '\n';
}

describe('limits', function () {
  this.timeout(60_000);

  describe(`nesting depth (cap ${MAX_NESTING_DEPTH}, checked before parsing)`, () => {
    for (const [shape, make] of Object.entries(NESTINGS)) {
      it(`${shape}: ${MAX_NESTING_DEPTH} levels are parsed, one more is refused with one diagnostic, 100,000 answer at once`, () => {
        const atCap = diagnose(make(MAX_NESTING_DEPTH));
        assert.ok(!atCap.diagnostics.some((d) => /nested more than/.test(d.message)), `${shape} at the cap was refused`);
        assert.ok(!atCap.diagnostics.some((d) => /call stack|RESOURCE/i.test(d.message)), 'the parser ran out of stack at the cap');
        const over = diagnose(make(MAX_NESTING_DEPTH + 1));
        assert.equal(over.diagnostics.length, 1, JSON.stringify(over.diagnostics.map((d) => d.message)));
        assert.equal(over.diagnostics[0]!.code, 'yaml-syntax');
        assert.match(over.diagnostics[0]!.message, /nested more than 256 levels/);
        // 100,000 levels where the text stays small; 2,000 where indentation grows with depth.
        const huge = diagnose(make(/indented|alternating/.test(shape) ? 2000 : 100_000));
        assert.equal(huge.diagnostics.length, 1);
        assert.ok(huge.ms < 5000, `${huge.ms} ms`);
      });
    }

    it('parses at the cap with little stack left (the server calls the core from deep in its own stack)', () => {
      // Use up most of the stack, then parse every shape at the cap: no overflow inside yaml.
      const results: string[] = [];
      const descend = (depth: number): void => {
        if (depth > 0) return descend(depth - 1);
        for (const make of Object.values(NESTINGS)) {
          for (const s of parseIsmsFile('file:///x', make(MAX_NESTING_DEPTH)).syntax) results.push(s.message);
        }
      };
      descend(2000);
      assert.ok(!results.some((m) => /call stack|RESOURCE/i.test(m)), results.join('\n'));
    });

    it('counts nothing inside quoted scalars, comments and block scalars', () => {
      const brackets = '['.repeat(1000);
      const text = `organization:\n  name: "${brackets}"\n  # ${brackets}\nscope:\n  statement: |\n    ${brackets}\n    ${brackets}\n  dataCategories: [customer-personal-data]\n`;
      const { diagnostics } = diagnose(text);
      assert.ok(!diagnostics.some((d) => /nested more than/.test(d.message)), JSON.stringify(diagnostics.map((d) => d.message)));
    });

    it('points at the bracket or dash that goes one level too deep', () => {
      const text = NESTINGS['flow sequences']!(MAX_NESTING_DEPTH + 50);
      const [d] = diagnose(text).diagnostics;
      assert.equal(covered(text, d!), '[');
      assert.deepEqual(d!.range.start, { line: 0, character: 'people: '.length + MAX_NESTING_DEPTH - 1 });
    });
  });

  describe(`size (cap ${MAX_FILE_BYTES / 1048576} MB)`, () => {
    it('refuses a larger editor buffer with one diagnostic and no parse', () => {
      const { diagnostics, ms } = diagnose('organization:\n  name: ' + 'x'.repeat(MAX_FILE_BYTES) + '\n');
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0]!.message, /larger than the 4 MB limit/);
      assert.ok(ms < 5000, `${ms} ms`);
    });

    describe('through the disk host', () => {
      let dir: string;
      beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-limits-'));
      });
      afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

      it('reports a file above the cap by its size, without reading it whole, as one diagnostic', () => {
        const file = path.join(dir, 'big.isms.yaml');
        // A sparse 64 MB file: reading it whole would take memory and time, stat does not.
        const fd = fs.openSync(file, 'w');
        fs.ftruncateSync(fd, 64 * 1024 * 1024);
        fs.closeSync(fd);
        const start = Date.now();
        const ws = new IsmsWorkspace({ host: createDiskHost(), folderUri: pathToUri(dir), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint });
        ws.scan();
        const result = ws.diagnose(pathToUri(file))!;
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0]!.message, /larger than the 4 MB limit/);
        assert.ok(Date.now() - start < 5000, `${Date.now() - start} ms`);
      });

      it('reads a file of exactly the cap', () => {
        const file = path.join(dir, 'edge.isms.yaml');
        const head = 'organization:\n  name: Acme\n# ';
        fs.writeFileSync(file, head + 'x'.repeat(MAX_FILE_BYTES - head.length - 1) + '\n');
        const text = createDiskHost().readFile(pathToUri(file));
        assert.equal(text?.length, MAX_FILE_BYTES);
        assert.ok(text?.startsWith(head));
      });

      it('does not hang on a FIFO named like an ISMS file', function () {
        if (process.platform === 'win32') this.skip();
        const fifo = path.join(dir, 'pipe.isms.yaml');
        try {
          execFileSync('mkfifo', [fifo]);
        } catch {
          this.skip();
        }
        const start = Date.now();
        assert.equal(createDiskHost().readFile(pathToUri(fifo)), undefined);
        const ws = new IsmsWorkspace({ host: createDiskHost(), folderUri: pathToUri(dir), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint });
        ws.scan();
        assert.ok(Date.now() - start < 5000);
      });
    });
  });

  describe(`aliases (cap ${MAX_ALIAS_COUNT})`, () => {
    it(`expands ${MAX_ALIAS_COUNT} aliases and calls one more a bomb, quickly either way`, () => {
      const aliases = (n: number) => 'organization: &o {}\n' + Array.from({ length: n }, (_, i) => `k${i}: *o`).join('\n') + '\n';
      const at = diagnose(aliases(MAX_ALIAS_COUNT));
      assert.ok(!at.diagnostics.some((d) => /alias bomb/.test(d.message)));
      const over = diagnose(aliases(MAX_ALIAS_COUNT + 1));
      assert.equal(over.diagnostics.filter((d) => /alias bomb/.test(d.message)).length, 1);
      assert.ok(at.ms + over.ms < 5000, `${at.ms} + ${over.ms} ms`);
    });

    it('answers 20,000 anchor/alias pairs within seconds (no per-alias search of the document)', () => {
      const text = Array.from({ length: 20_000 }, (_, i) => `k${i}: &a${i} v\nj${i}: *a${i}`).join('\n') + '\n';
      const { diagnostics, ms } = diagnose(text);
      assert.equal(diagnostics.length, 1);
      assert.ok(ms < 5000, `${ms} ms`);
    });
  });

  describe('long lines and many keys', () => {
    it('checks a 1 MB single-line value within seconds', () => {
      const { diagnostics, ms } = diagnose('organization:\n  name: ' + 'x'.repeat(1 << 20) + '\n');
      assert.deepEqual(diagnostics, []);
      assert.ok(ms < 5000, `${ms} ms`);
    });

    it('reports 5,000 duplicate keys within seconds (no pairwise comparison)', () => {
      const text = Array.from({ length: 5000 }, () => 'organization: {}').join('\n') + '\n';
      const { diagnostics, ms } = diagnose(text);
      // All are found; the diagnostics of one file are capped (diagnosticCap.test.ts).
      assert.equal(parseIsmsFile('file:///x', text).syntax.filter((s) => /appears twice/.test(s.message)).length, 4999);
      assert.equal(diagnostics.filter((d) => /appears twice/.test(d.message)).length, MAX_DIAGNOSTICS_PER_FILE - 1);
      assert.ok(ms < 5000, `${ms} ms`);
    });
  });

  describe('text that is not text', () => {
    it('gives a NUL byte one "not text" diagnostic, on the NUL, and nothing else', () => {
      const text = 'organization:\n  name: Acme\u0000\u0001\u0002 Ltd\npeople: [\n';
      const { diagnostics } = diagnose(text);
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0]!.message, /not text/);
      assert.deepEqual(diagnostics[0]!.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
    });

    it('gives text decoded with replacement characters (not UTF-8) one diagnostic on the first, and checks the rest', () => {
      const text = Buffer.from('organization:\n  name: Caf\xe9 M\xfcller\nisms: 2\n', 'latin1').toString('utf8');
      const { diagnostics } = diagnose(text);
      const codes = diagnostics.map((d) => d.code).sort();
      assert.deepEqual(codes, ['unsupported-version', 'yaml-syntax']);
      const replacement = diagnostics.find((d) => d.code === 'yaml-syntax')!;
      assert.match(replacement.message, /U\+FFFD.*UTF-8/);
      assert.deepEqual(replacement.range.start, { line: 1, character: 11 });
    });
  });

  describe('BOM and line ends', () => {
    it('keeps lines and columns right when editor text starts with a BOM (U+FEFF counts as a column)', () => {
      const text = '\uFEFFisms: 2\norganization:\n  reviewCadence: weekly\n';
      const { diagnostics } = diagnose(text);
      const version = diagnostics.find((d) => d.code === 'unsupported-version')!;
      assert.deepEqual(version.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } });
      const cadence = diagnostics.find((d) => d.code === 'schema' && /weekly/.test(d.message))!;
      assert.deepEqual(cadence.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 23 } });
    });

    it('strips a BOM read from disk, so that columns are those of the text without it', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-bom-'));
      try {
        fs.writeFileSync(path.join(dir, 'x.isms.yaml'), '\uFEFFisms: 2\n');
        assert.equal(createDiskHost().readFile(pathToUri(path.join(dir, 'x.isms.yaml'))), 'isms: 2\n');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('gives CRLF text the same lines and columns as LF text', () => {
      const lf = 'isms: 2\norganization:\n  reviewCadence: weekly\npeople:\n  - id: bob\n    name: Bob\n    email: 42\n';
      const strip = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range }));
      assert.deepEqual(strip(diagnose(lf.replace(/\n/g, '\r\n')).diagnostics), strip(diagnose(lf).diagnostics));
    });

    it('reads lone-CR line ends as line breaks, with one diagnostic saying so', () => {
      const { diagnostics } = diagnose('isms: 1\rorganization:\r  name: Acme\r  reviewCadence: weekly\r');
      assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['yaml-syntax', 0], ['schema', 3]]);
    });
  });

  describe('a workspace of tens of thousands of files', () => {
    function tree(files: number, ismsFiles: boolean): MemoryTree {
      const t: MemoryTree = { 'main.isms.yaml': 'people:\n  - id: alice\n    name: Alice\n' };
      for (let i = 0; i < files; i++) t[`d${i % 50}/f${i}.${ismsFiles ? 'isms.yaml' : 'md'}`] = `people:\n  - id: p${i}\n    name: P\n`;
      return t;
    }

    it(`scans 50,000 ISMS files up to the cap of ${DEFAULT_SCAN_LIMITS.maxFiles}, reports the truncation, and answers within seconds`, async () => {
      const logs: string[] = [];
      const start = Date.now();
      const registry = new WorkspaceRegistry({ host: memoryHost(tree(50_000, true)), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: (m) => logs.push(m) });
      const ws = registry.addFolder(ROOT);
      await registry.whenLoaded();
      assert.equal(ws.uris().length, DEFAULT_SCAN_LIMITS.maxFiles);
      assert.ok(logs.some((m) => /Stopped scanning .* after the file limit/.test(m)), logs.join('\n'));
      const result = ws.diagnose(uriOf('main.isms.yaml'));
      assert.ok(result);
      assert.ok(Date.now() - start < 15_000, `${Date.now() - start} ms`);
    });

    it('looks past 50,000 other files quickly', () => {
      const start = Date.now();
      const ws = workspaceOf(tree(50_000, false));
      assert.deepEqual(ws.uris(), [uriOf('main.isms.yaml')]);
      assert.ok(Date.now() - start < 5000, `${Date.now() - start} ms`);
    });

    it('stops at the entry cap on a tree too large to walk', () => {
      const host = memoryHost(tree(2000, false));
      const ws = new IsmsWorkspace({ host, folderUri: ROOT, today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, scanLimits: { maxFiles: 10, maxEntries: 500 } });
      const result = ws.scan();
      assert.equal(result.truncated, true);
    });
  });
});
