/**
 * The cap on diagnostics per file: a file with a hundred thousand broken items gets
 * MAX_DIAGNOSTICS_PER_FILE diagnostics, the most severe first, the last of them a notice
 * on line 1 that counts the rest; `isms check` prints the same and says so in its summary.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { runCli } from '../../server/src/cli/runCli';
import { parseDate } from '../../server/src/core/dates';
import { MAX_DIAGNOSTICS_PER_FILE, notShownOf } from '../../server/src/core/diagnostics/diagnose';
import type { Rule } from '../../server/src/core/rules/rule';
import type { Severity } from '../../server/src/core/settings';
import { getCodeActions } from '../../server/src/core/features/codeActions';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { memoryHost, ROOT, uriOf, workspaceOf } from '../helpers/memoryHost';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';
import { BUDGET_MS } from './corpus';

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** A rule that reports one finding on each of the given lines (0-based), at the line's start. */
function ruleOn(code: string, severity: Exclude<Severity, 'off'>, onLines: readonly number[]): Rule {
  return {
    code, defaultSeverity: severity, summary: code, help: code, example: '',
    check(ctx) {
      for (const line of onLines) {
        const at = ctx.file.lines.offsetAt({ line, character: 0 });
        ctx.report([at, at + 1], `${code} on line ${line + 1}`);
      }
    },
  };
}

function diagnoseWith(text: string, rules: readonly Rule[]): Diagnostic[] {
  const ws = new IsmsWorkspace({
    host: memoryHost({ 'x.isms.yaml': text }), folderUri: ROOT, today: () => parseDate('2026-11-28')!, unusedSuppressionSeverity: DiagnosticSeverity.Hint, rules,
  });
  ws.scan();
  return ws.diagnose(uriOf('x.isms.yaml'))!.diagnostics;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function runCheck(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(['check', ...args, '--today', '2026-11-28'], { cwd, env: {}, stdoutIsTTY: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe(`limits: diagnostics per file (cap ${MAX_DIAGNOSTICS_PER_FILE})`, function () {
  this.timeout(60_000);
  after(removeTempWorkspaces);

  it('gives a file with 100,000 broken list items the cap: the first problems, and a notice on line 1, listed first, that counts the rest', () => {
    const started = Date.now();
    const ws = workspaceOf({ 'x.isms.yaml': 'people: [' + 'p, '.repeat(99_999) + 'p]\n' });
    const diagnostics = ws.diagnose(uriOf('x.isms.yaml'))!.diagnostics;
    assert.ok(Date.now() - started < BUDGET_MS, `${Date.now() - started} ms`);
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE);
    const notices = diagnostics.filter((d) => notShownOf(d));
    assert.equal(notices.length, 1);
    const notice = notices[0]!;
    assert.equal(notice.code, 'yaml-syntax');
    assert.equal(notice.source, 'isms');
    assert.equal(notice.severity, DiagnosticSeverity.Warning);
    // The first line, cut at 200 characters: a squiggle, not a highlighted megabyte.
    assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 200 } });
    assert.equal(diagnostics[0], notice);
    assert.deepEqual(notShownOf(notice), { total: 100_000 - (MAX_DIAGNOSTICS_PER_FILE - 1), errors: 100_000 - (MAX_DIAGNOSTICS_PER_FILE - 1), warnings: 0, information: 0, hints: 0 });
    assert.match(notice.message, /^99001 more problems in this file are not shown \(99001 errors\): a file gets at most 1000 diagnostics, errors first\. Fix the ones shown first/);
    // The ones shown are the first items, in order of position.
    const shown = diagnostics.filter((d) => d !== notice);
    assert.ok(shown.every((d) => d.code === 'schema' && d.range.start.line === 0));
    const starts = shown.map((d) => d.range.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.equal(starts[0], 'people: ['.length);
  });

  it('keeps every error before any warning, and warnings before hints, then the earliest', () => {
    // 1,500 warnings on the first lines, 20 errors and 5 hints after them.
    const text = lines(1600, (i) => `# line ${i + 1}`);
    const diagnostics = diagnoseWith(text, [ruleOn('w', 'warning', range(1500)), ruleOn('e', 'error', range(20).map((i) => 1500 + i)), ruleOn('h', 'hint', [1590, 1591, 1592, 1593, 1594])]);
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE);
    const count = (code: string) => diagnostics.filter((d) => d.code === code).length;
    assert.equal(count('e'), 20);
    assert.equal(count('w'), MAX_DIAGNOSTICS_PER_FILE - 1 - 20);
    assert.equal(count('h'), 0);
    // The warnings kept are the first ones in the file.
    assert.deepEqual(diagnostics.filter((d) => d.code === 'w').map((d) => d.range.start.line), range(MAX_DIAGNOSTICS_PER_FILE - 1 - 20));
    const notice = diagnostics.find((d) => notShownOf(d))!;
    assert.deepEqual(notShownOf(notice), { total: 1500 - 979 + 5, errors: 0, warnings: 1500 - 979, information: 0, hints: 5 });
    assert.match(notice.message, /^526 more problems in this file are not shown \(521 warnings, 5 hints\)/);
    // Sorted by position as always: the notice on line 1 comes first.
    assert.equal(diagnostics[0], notice);
  });

  it('is information, not a warning, when it hides only information and hints', () => {
    const diagnostics = diagnoseWith(lines(1200, () => 'x: 1'), [ruleOn('h', 'hint', range(1200))]);
    const notice = diagnostics.find((d) => notShownOf(d))!;
    assert.equal(notice.severity, DiagnosticSeverity.Information);
    assert.match(notice.message, /^201 more problems in this file are not shown \(201 hints\)/);
  });

  it('leaves a file with exactly the cap alone, and caps one more', () => {
    const text = lines(MAX_DIAGNOSTICS_PER_FILE + 1, () => 'x: 1');
    const atCap = diagnoseWith(text, [ruleOn('w', 'warning', range(MAX_DIAGNOSTICS_PER_FILE))]);
    assert.equal(atCap.length, MAX_DIAGNOSTICS_PER_FILE);
    assert.ok(!atCap.some((d) => notShownOf(d)));
    const over = diagnoseWith(text, [ruleOn('w', 'warning', range(MAX_DIAGNOSTICS_PER_FILE + 1))]);
    assert.equal(over.length, MAX_DIAGNOSTICS_PER_FILE);
    assert.match(over.find((d) => notShownOf(d))!.message, /^2 more problems in this file are not shown \(2 warnings\)/);
  });

  it('counts what suppression comments leave, so a silenced finding never takes a visible one\'s place', () => {
    // 1,200 warnings, 300 of them silenced: 900 remain, under the cap.
    const text = lines(1200, (i) => (i < 300 ? 'x: 1 # isms-disable-line w' : 'x: 1'));
    const diagnostics = diagnoseWith(text, [ruleOn('w', 'warning', range(1200))]);
    assert.equal(diagnostics.length, 900);
    assert.ok(!diagnostics.some((d) => notShownOf(d)));
  });

  it('isms check prints the same diagnostics and counts what it showed in its summary, exit code unchanged', () => {
    const dir = tempWorkspace({
      'big.isms.yaml': 'people: [' + 'p, '.repeat(1499) + 'p]\n',
      'small.isms.yaml': 'isms: 2\n',
    });
    const text = runCheck([dir], dir);
    assert.equal(text.code, 1, text.stderr);
    const rows = text.stdout.trimEnd().split('\n');
    const summary = rows.pop()!;
    assert.equal(rows.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    assert.equal(rows.filter((r) => r.startsWith('big.isms.yaml:')).length, MAX_DIAGNOSTICS_PER_FILE);
    assert.match(rows[0]!, /^big\.isms\.yaml:1:1: warning yaml-syntax 501 more problems in this file are not shown \(501 errors\)/);
    assert.equal(summary, `${MAX_DIAGNOSTICS_PER_FILE} errors, 0 warnings shown in 2 files (checked 2 files); 501 more problems not shown (501 errors), at most ${MAX_DIAGNOSTICS_PER_FILE} per file`);

    const json = JSON.parse(runCheck([dir, '--format', 'json'], dir).stdout) as { file: string; code: string; severity: string }[];
    assert.equal(json.filter((f) => f.file === 'big.isms.yaml').length, MAX_DIAGNOSTICS_PER_FILE);
    assert.equal(json.filter((f) => f.severity === 'warning' && f.code === 'yaml-syntax').length, 1);

    const sarif = JSON.parse(runCheck([dir, '--format', 'sarif'], dir).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = sarif.runs[0]!.results;
    assert.equal(results.filter((r) => path.basename(r.locations[0]!.physicalLocation.artifactLocation.uri) === 'big.isms.yaml').length, MAX_DIAGNOSTICS_PER_FILE);
  });

  it('offers no "suppress" fix for the notice (fixing problems removes it; a comment would only hide others)', () => {
    const ws = workspaceOf({ 'x.isms.yaml': 'people: [' + 'p, '.repeat(2_000) + 'p]\n' });
    const uri = uriOf('x.isms.yaml');
    const notice = ws.diagnose(uri)!.diagnostics.find((d) => notShownOf(d))!;
    assert.ok(notice);
    assert.deepEqual(getCodeActions(ws, uri, notice.range, [notice]), []);
  });
});
