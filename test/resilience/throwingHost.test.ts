/**
 * A host that breaks its contract (it throws, or answers `null`, instead of answering
 * `undefined` for a fault) cannot crash the workspace: IsmsWorkspace wraps whatever host
 * it is given (safeHost.ts), so the scan, the diagnostics, every editor feature, the phase
 * model and the reports answer exactly as they would for a host that reported the same
 * faults the way the contract says.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import { parseDate } from '../../server/src/core/dates';
import type { WorkspaceHost } from '../../server/src/core/host';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { safeHost } from '../../server/src/core/workspace/safeHost';
import { discoverEntryPoints } from '../fuzz/entryPoints';
import { memoryHost, ROOT, uriOf, type MemoryTree } from '../helpers/memoryHost';

type Method = keyof WorkspaceHost;
const METHODS: readonly Method[] = ['readFile', 'stat', 'readDirectory', 'realpath'];
const TODAY = parseDate('2026-11-28')!;

/** The example ISMS (evidence files included, so that links resolve) and a config file, in memory. */
function exampleTree(): MemoryTree {
  const root = path.resolve(__dirname, '../../examples/acme');
  const tree: MemoryTree = { 'isms.config.yaml': 'rules:\n  evidence-stale: warning\n' };
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else tree[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  // A link that leaves the folder through a symbolic link: realpath matters.
  tree['evidence/escape.md'] = { link: 'file:///elsewhere/secret.md' };
  return tree;
}

const TREE = exampleTree();

/** What a thrower throws: Errors with and without a code, and values that are not Errors. */
const THROWN: readonly (() => unknown)[] = [
  () => Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }),
  () => new TypeError("Cannot read properties of undefined (reading 'size')"),
  () => 'a string',
  () => undefined,
  () => null,
  () => new RangeError('Maximum call stack size exceeded'),
];

/**
 * The example host with faults: `fault(method, uri)` decides for each call whether it
 * fails, and `style` how — thrown (as a broken host does), `null` (as a careless
 * JavaScript host does) or `undefined` (as the contract says; the reference).
 */
function faultyHost(fault: (method: Method, uri: string) => boolean, style: 'throw' | 'null' | 'undefined'): WorkspaceHost {
  const base = memoryHost(TREE);
  let calls = 0;
  const wrap = <M extends Method>(method: M): WorkspaceHost[M] =>
    ((uri: string) => {
      calls++;
      if (!fault(method, uri)) return (base[method] as (u: string) => unknown)(uri);
      if (style === 'throw') throw THROWN[calls % THROWN.length]!();
      return style === 'null' ? null : undefined;
    }) as WorkspaceHost[M];
  return { readFile: wrap('readFile'), stat: wrap('stat'), readDirectory: wrap('readDirectory'), realpath: wrap('realpath') };
}

/** xorshift32: the same seed gives the same faults, call for call. */
function seeded(seed: number, probability: number): () => boolean {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000 < probability;
  };
}

function workspace(host: WorkspaceHost, logs: string[]): IsmsWorkspace {
  return new IsmsWorkspace({ host, folderUri: ROOT, today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log: (m) => logs.push(m) });
}

/**
 * Drives everything a client can ask for, in a fixed order, and returns the answers in a
 * comparable form. Any exception other than a refused rename fails the test.
 */
function everything(ws: IsmsWorkspace): unknown[] {
  const { api } = discoverEntryPoints();
  const out: unknown[] = [];
  out.push(ws.configProblems, ws.settings);
  out.push(ws.scan());
  out.push(ws.addFilesFromDisk([uriOf('people.isms.yaml'), uriOf('missing.isms.yaml')]));
  ws.fileChangedOnDisk(uriOf('soa.isms.yaml'));
  ws.fileChangedOnDisk(`${ROOT}/isms.config.yaml`);
  out.push(ws.reloadConfig());
  const all = ws.diagnoseAll();
  out.push(all);
  for (const { uri, diagnostics } of all) {
    const file = ws.file(uri)!;
    const end = file.lines.positionAt(file.text.length);
    const whole = { start: { line: 0, character: 0 }, end };
    out.push(api.getDocumentSymbols?.(ws, uri), api.getDocumentLinks?.(ws, uri), api.getCodeLenses?.(ws, uri), api.getInlayHints?.(ws, uri, whole));
    // At the diagnostics, as an editor asks (a whole-file request is slow by design: it
    // checks a suppression edit for every diagnostic).
    for (const d of diagnostics.slice(0, 10)) out.push(api.getCodeActions?.(ws, uri, d.range, [d]));
    // Positions on the ids, references and links of the file: where features do the most.
    const positions: Position[] = [];
    for (const m of file.text.matchAll(/(?:id|owner|evidence|link|controls|audit): *\[?([^\s,\]]+)/g)) {
      positions.push(file.lines.positionAt(m.index + m[0].length - 1));
      if (positions.length >= 12) break;
    }
    for (const position of positions) {
      out.push(api.getHover?.(ws, uri, position), api.getCompletions?.(ws, uri, position, { snippetSupport: true }));
      out.push(api.getDefinition?.(ws, uri, position), api.getReferences?.(ws, uri, position, true), api.getDocumentHighlights?.(ws, uri, position));
      const prepared = api.prepareRename?.(ws, uri, position);
      out.push(prepared);
      if (prepared && api.getRename) {
        try {
          out.push(api.getRename(ws, uri, position, 'renamed-1'));
        } catch (error) {
          if (!(api.RenameError && error instanceof api.RenameError)) throw error;
          out.push(`refused: ${error.message}`);
        }
      }
    }
  }
  out.push(api.getWorkspaceSymbols?.([ws], ''));
  if (api.computePhases) out.push(api.phasesToJson?.(api.computePhases(ws), (u) => u));
  for (const kind of api.REPORT_KINDS ?? []) for (const format of api.REPORT_FORMATS ?? []) out.push(api.renderReport?.(ws, kind, format, { generatedOn: '2026-11-28' }));
  out.push(api.missingControlsEdit?.(ws));
  return JSON.parse(JSON.stringify(out)) as unknown[];
}

/** Runs everything on a host with faults thrown, and on the same faults as `undefined`: the answers must match. */
function assertSameAsContract(fault: () => (method: Method, uri: string) => boolean, styles: readonly ('throw' | 'null')[] = ['throw', 'null']): unknown[] {
  const referenceLogs: string[] = [];
  const reference = everything(workspace(faultyHost(fault(), 'undefined'), referenceLogs));
  for (const style of styles) {
    const logs: string[] = [];
    const answers = everything(workspace(faultyHost(fault(), style), logs));
    assert.deepEqual(answers, reference, `a host that answers faults with ${style} differs from one that answers undefined`);
    assert.deepEqual(logs, referenceLogs, `${style}: ${logs.join('\n')}`);
  }
  assert.deepEqual(referenceLogs, [], 'a rule failed');
  return reference;
}

describe('resilience: a host that throws', function () {
  this.timeout(120_000);

  it('the example workspace answers everything on a host without faults (the control experiment)', () => {
    const logs: string[] = [];
    const answers = everything(workspace(memoryHost(TREE), logs));
    assert.deepEqual(logs, []);
    const diagnosed = answers[5] as { diagnostics: unknown[] }[];
    assert.ok(diagnosed.length >= 6, `${diagnosed.length} files`);
  });

  for (const method of METHODS) {
    it(`${method} failing on every call (throwing, or answering null) gives the answers of a host where it answers undefined`, () => {
      assertSameAsContract(() => (m) => m === method);
    });
  }

  it('every method failing on every call leaves an empty ISMS, not a crash', () => {
    const answers = assertSameAsContract(() => () => true);
    const scan = answers[2] as { uris: string[]; unreadable: string[] };
    assert.deepEqual(scan, { uris: [], truncated: false, unreadable: [ROOT] });
  });

  it('faults on some files only (an unreadable SoA, a folder that cannot be listed, links that cannot be resolved)', () => {
    assertSameAsContract(() => (m, uri) =>
      (m === 'readFile' && uri.endsWith('/soa.isms.yaml')) || (m === 'readDirectory' && uri.endsWith('/evidence/policies')) || (m === 'realpath' && uri.includes('/evidence/')) || (m === 'stat' && uri.endsWith('.md')));
  });

  for (const probability of [0.05, 0.3]) {
    for (let seed = 1; seed <= 5; seed++) {
      it(`random faults (seed ${seed}, ${probability * 100}% of calls) give the answers of the same faults as undefined`, () => {
        assertSameAsContract(() => {
          const next = seeded(seed * 2654435761, probability);
          return () => next();
        });
      });
    }
  }

  it('safeHost passes answers through and turns throws and wrong types into undefined', () => {
    const good = memoryHost({ 'a.isms.yaml': 'isms: 1\n' });
    const safe = safeHost(good);
    assert.equal(safe.readFile(uriOf('a.isms.yaml')), 'isms: 1\n');
    assert.deepEqual(safe.stat(uriOf('a.isms.yaml')), { kind: 'file', size: 8 });
    assert.deepEqual(safe.readDirectory(ROOT), [{ name: 'a.isms.yaml', kind: 'file' }]);
    assert.equal(safe.realpath(uriOf('a.isms.yaml')), uriOf('a.isms.yaml'));
    for (const thrown of THROWN) {
      const bad: WorkspaceHost = { readFile: () => { throw thrown(); }, stat: () => { throw thrown(); }, readDirectory: () => { throw thrown(); }, realpath: () => { throw thrown(); } };
      const wrapped = safeHost(bad);
      for (const method of METHODS) assert.equal(wrapped[method](uriOf('a.isms.yaml')), undefined, method);
    }
    const wrong = safeHost({ readFile: () => 42, stat: () => 'file', readDirectory: () => ({ length: 1 }), realpath: () => null } as unknown as WorkspaceHost);
    for (const method of METHODS) assert.equal(wrong[method](uriOf('a.isms.yaml')), undefined, method);
  });
});
