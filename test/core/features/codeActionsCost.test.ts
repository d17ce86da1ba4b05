/**
 * A code-action request over a whole file with many diagnostics: the same fixes as asking
 * for each diagnostic alone, with the edited files parsed a bounded number of times (not
 * once per diagnostic). No timing is asserted; parses are counted through the `yaml`
 * module's `parseDocument`, which every parse of an ISMS file goes through.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { getCodeActions } from '../../../server/src/core/features/codeActions';
import type { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { diagnosticsOf, uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

// The CommonJS exports object the core's `import { parseDocument } from 'yaml'` reads at each call.
const yamlModule = require('yaml') as { parseDocument: (...args: unknown[]) => unknown };

function countingParses<T>(run: () => T): { result: T; parses: number } {
  const original = yamlModule.parseDocument;
  let parses = 0;
  yamlModule.parseDocument = (...args: unknown[]) => {
    parses++;
    return original(...args);
  };
  try {
    return { result: run(), parses };
  } finally {
    yamlModule.parseDocument = original;
  }
}

const SOA = 'soa.isms.yaml';
const PEOPLE = 'people:\n  - id: alice\n    name: Alice\n  - id: bob\n    name: Bob\n';
const REGISTER = 'evidence:\n  - id: EV-001\n    title: Minutes\n    link: https://example.com/m\n    collected: 2026-11-01\n';

/** `count` SoA entries, each with an unknown owner and an unknown evidence id (some needing quotes). */
function brokenSoa(count: number, tail = ''): string {
  const entries: string[] = [];
  for (let i = 1; i <= count; i++) {
    const evidence = i % 7 === 0 ? `"EV ${i}: draft"` : `EV-${900 + (i % 11)}`;
    entries.push(`    - id: A.5.${i}\n      applicable: true\n      justification: Needed for contract ${i}.\n      status: planned\n      owner: zed${i % 3}\n      evidence: [${evidence}]\n`);
  }
  return 'soa:\n  controls:\n' + entries.join('') + tail;
}

function wholeFile(ws: IsmsWorkspace, rel: string): Range {
  const file = ws.file(uriOf(rel))!;
  return { start: { line: 0, character: 0 }, end: file.lines.positionAt(file.text.length) };
}

/** Title and edit of each action: what the user sees and what applying it does. */
function offered(actions: readonly CodeAction[]): string[] {
  return [...new Set(actions.map((a) => `${a.title} ${JSON.stringify(a.edit)}`))].sort();
}

/** The fixes of every diagnostic asked for one at a time (each check then runs alone). */
function oneByOne(ws: IsmsWorkspace, rel: string, diagnostics: readonly Diagnostic[]): string[] {
  return offered(diagnostics.flatMap((d) => getCodeActions(ws, uriOf(rel), d.range, [d])));
}

describe('code actions over a whole file', () => {
  // A file that parses: the register once (for every "Add evidence item") and the SoA once
  // (for "Add the missing controls"); suppressions are read back line by line. A file with
  // YAML errors: the register once, and the suggested comments checked together, plus
  // those the batch could not vouch for (the one inside the open quote) alone.
  const cases: { name: string; tail: string; maxParses: number }[] = [
    { name: 'a file that parses', tail: '', maxParses: 2 },
    { name: 'a file with an unclosed flow list', tail: '    - id: [A.6.1\n', maxParses: 5 },
    { name: 'a file ending in an unclosed quote', tail: 'other: "unterminated\n', maxParses: 5 },
    { name: 'a file with a tab-indented line', tail: '\tbroken: 1\n    - id: A.6.2\n      applicable: maybe\n', maxParses: 5 },
  ];

  for (const { name, tail, maxParses } of cases) {
    it(`${name}: the fixes of each diagnostic alone, with at most ${maxParses} parses`, () => {
      const tree: MemoryTree = { 'people.isms.yaml': PEOPLE, 'evidence.isms.yaml': REGISTER, [SOA]: brokenSoa(36, tail) };
      const ws = workspaceOf(tree);
      const diagnostics = diagnosticsOf(ws, SOA);
      assert.ok(diagnostics.length >= 72, `${diagnostics.length} diagnostics`);
      const { result, parses } = countingParses(() => getCodeActions(ws, uriOf(SOA), wholeFile(ws, SOA), diagnostics));
      // At least the register's: the counter sees the core's parses.
      assert.ok(parses >= 1 && parses <= maxParses, `${parses} parses for ${diagnostics.length} diagnostics`);
      assert.ok(result.some((a) => a.title === "Add evidence item 'EV 7: draft' to the register (evidence.isms.yaml)"));
      assert.ok(result.filter((a) => a.title.startsWith('Suppress ')).length >= 72);
      assert.deepEqual(offered(result), oneByOne(ws, SOA, diagnostics));
    });
  }

  it('checks two comments meant for one line apart (each is its own action)', () => {
    const text = 'soa:\n  controls:\n    - id: A.5.38\n      applicable: true\n      justification: TBD\n      owner: zed\nother: "open\n';
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, [SOA]: text });
    const diagnostics = diagnosticsOf(ws, SOA);
    assert.deepEqual(diagnosticsOf(ws, SOA, ['unknown-control', 'missing-status']).map((d) => d.range.start.line), [2, 2]);
    const result = getCodeActions(ws, uriOf(SOA), wholeFile(ws, SOA), diagnostics);
    assert.deepEqual(offered(result), oneByOne(ws, SOA, diagnostics));
  });
});
