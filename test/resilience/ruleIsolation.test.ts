/**
 * A rule that throws cannot take the others down (diagnose.ts runs each in try/catch):
 * its findings are missing, every other rule still reports, and the fault is logged once.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseDate } from '../../server/src/core/dates';
import { ALL_RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/rule';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { memoryHost, ROOT, uriOf } from '../helpers/memoryHost';

const FILES = {
  'a.isms.yaml': 'isms: 2\nsoa:\n  controls:\n    - id: 5.10\n      applicable: true\n',
  'b.isms.yaml': 'people:\n  - id: bob\n    name: Bob\n    roles: [remediation-owner, verifier]\n',
};

function rule(code: string, check: Rule['check']): Rule {
  return { code, defaultSeverity: 'error', summary: code, help: code, example: '', check };
}

function workspace(rules: readonly Rule[]): { ws: IsmsWorkspace; logs: string[] } {
  const logs: string[] = [];
  const ws = new IsmsWorkspace({
    host: memoryHost(FILES), folderUri: ROOT, today: () => parseDate('2026-11-28')!, unusedSuppressionSeverity: DiagnosticSeverity.Hint, rules, log: (m) => logs.push(m),
  });
  ws.scan();
  return { ws, logs };
}

const codesOf = (ws: IsmsWorkspace, rel: string) => ws.diagnose(uriOf(rel))!.diagnostics.map((d) => String(d.code)).sort();

describe('resilience: a rule that throws', () => {
  const throwers: [string, () => never][] = [
    ['an Error', () => { throw new Error('boom'); }],
    ['a TypeError from a bad property access', () => { (undefined as unknown as { x: { y: number } }).x.y; throw new Error('unreachable'); }],
    ['a string', () => { throw 'just a string'; }],
    ['undefined', () => { throw undefined; }],
    ['a stack overflow', () => { const f = (n: number): number => f(n + 1) + 1; f(0); throw new Error('unreachable'); }],
  ];

  for (const [what, thrower] of throwers) {
    it(`throwing ${what} leaves every other rule's diagnostics in place, and is logged once`, () => {
      const baseline = workspace(ALL_RULES);
      // The throwing rule is placed first and last, so that rules before and after it run.
      const broken = workspace([rule('broken-first', thrower), ...ALL_RULES, rule('broken-last', thrower)]);
      for (const rel of Object.keys(FILES)) assert.deepEqual(codesOf(broken.ws, rel), codesOf(baseline.ws, rel), rel);
      assert.deepEqual(broken.logs.map((m) => m.match(/^Rule '([^']+)' failed/)?.[1]), ['broken-first', 'broken-last']);
    });
  }

  it('keeps what the rule reported before it threw, and runs the rules after it', () => {
    const partial = rule('partial', (ctx) => {
      ctx.report([0, 4], 'found before the throw');
      throw new Error('then failed');
    });
    const { ws, logs } = workspace([partial, ...ALL_RULES]);
    const codes = codesOf(ws, 'a.isms.yaml');
    assert.ok(codes.includes('partial') && codes.includes('unsupported-version') && codes.includes('control-id-format'), codes.join());
    assert.equal(logs.length, 1);
  });

  it('keeps a rule that reports out-of-range offsets inside the document', () => {
    const wild = rule('wild-range', (ctx) => {
      ctx.report([-5, 1e9], 'everything and more');
      ctx.report([10_000, 2], 'inverted, past the end');
    });
    const { ws } = workspace([wild]);
    const file = ws.file(uriOf('a.isms.yaml'))!;
    for (const d of ws.diagnose(uriOf('a.isms.yaml'))!.diagnostics) {
      assert.ok(d.range.start.line < file.lines.lineCount && d.range.end.line < file.lines.lineCount, JSON.stringify(d.range));
      assert.ok(d.range.start.line < d.range.end.line || d.range.start.character <= d.range.end.character, JSON.stringify(d.range));
    }
  });

  it('keeps a rule that reports NaN offsets inside the document', () => {
    const nan = rule('nan-range', (ctx) => ctx.report([Number.NaN, Number.NaN], 'computed from a missing range'));
    const { ws } = workspace([nan]);
    const [d] = ws.diagnose(uriOf('a.isms.yaml'))!.diagnostics;
    assert.ok(d, 'the finding is kept');
    for (const n of [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]) assert.ok(Number.isInteger(n) && n >= 0, JSON.stringify(d.range));
  });
});
