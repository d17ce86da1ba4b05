/**
 * The four product bugs `npm run fuzz -- --strict` found (seed 20260101, paths 8062,
 * 41551, 3182 and 1189), each on its minimal input. The feature-level regressions found
 * earlier are in features/fuzzRegressions.test.ts.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { getCodeActions } from '../../server/src/core/features/codeActions';
import { getCompletions } from '../../server/src/core/features/completion';
import { getHover } from '../../server/src/core/features/hover';
import {
  getDocumentHighlights, getReferences, getRename, prepareRename,
} from '../../server/src/core/features/navigation';
import { parseIsmsFile } from '../../server/src/core/parse/ismsFile';
import { missingControlsEdit } from '../../server/src/core/soaStubs';
import type { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { diagnosticsOf, uriOf, workspaceOf } from '../helpers/memoryHost';

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The text of `uri` after the edits the workspace edit makes to it. */
function appliedTo(ws: IsmsWorkspace, edit: WorkspaceEdit, uri: string): string {
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  assert.ok(edits.length > 0, `the edit does not change ${uri}`);
  return TextDocument.applyEdits(ws.file(uri)!.lines, edits);
}

function positionsOf(text: string): Position[] {
  const doc = TextDocument.create('', '', 0, text);
  return Array.from({ length: text.length + 1 }, (_, offset) => doc.positionAt(offset));
}

describe('fuzzer regressions (strict campaign)', () => {
  describe('a block scalar id: answers hold the cursor (path 8062)', () => {
    const rel = 'a.isms.yaml';
    const text = 'audits:\n  - id: AU-1\n    report: |-\n      EV-001\nevidence:\n  - id: EV-001\n    title: Minutes\n';

    it('offers no rename on the line after the block scalar', () => {
      const ws = workspaceOf({ [rel]: text });
      assert.equal(prepareRename(ws, uriOf(rel), { line: 4, character: 0 }), null);
    });

    it('gives the block scalar content, not its header, as the id range', () => {
      const ws = workspaceOf({ [rel]: text });
      const prepared = prepareRename(ws, uriOf(rel), { line: 3, character: 8 });
      assert.deepEqual(prepared, { range: { start: { line: 3, character: 6 }, end: { line: 3, character: 12 } }, placeholder: 'EV-001' });
      const highlights = getDocumentHighlights(ws, uriOf(rel), { line: 3, character: 8 }).map((h) => h.range);
      assert.deepEqual(highlights[0], prepared!.range);
    });

    it('renames inside the block scalar and keeps the YAML valid', () => {
      const ws = workspaceOf({ [rel]: text });
      const after = appliedTo(ws, getRename(ws, uriOf(rel), { line: 3, character: 8 }, 'EV-009'), uriOf(rel));
      assert.equal(after, text.replace(/EV-001/g, 'EV-009'));
      assert.deepEqual(parseIsmsFile(uriOf(rel), after).syntax, []);
    });

    it('answers around the cursor at every position (plain, quoted and block ids)', () => {
      const texts = [
        text,
        'evidence:\n  - id: "EV-001"\n    title: A\naudits:\n  - id: AU-1\n    report: >\n      EV-001\n\n\n',
        'evidence:\n  - id: EV-001\n    title: A\n  - id: |+\n      EV-002\n\n',
      ];
      for (const t of texts) {
        const ws = workspaceOf({ [rel]: t });
        const uri = uriOf(rel);
        for (const p of positionsOf(t)) {
          const prepared = prepareRename(ws, uri, p);
          // On the quote just outside a quoted id, as the fuzzer allows.
          const near = prepared && { start: { ...prepared.range.start, character: Math.max(0, prepared.range.start.character - 1) }, end: { ...prepared.range.end, character: prepared.range.end.character + 1 } };
          if (near) assert.ok(contains(near, p), `prepareRename at ${JSON.stringify(p)}: ${JSON.stringify(prepared!.range)}\n${t}`);
          const hover = getHover(ws, uri, p);
          if (hover?.range) assert.ok(contains(hover.range, p), `hover at ${JSON.stringify(p)}: ${JSON.stringify(hover.range)}`);
          // Every feature resolves the same symbol there: the one prepareRename answers for.
          const highlights = getDocumentHighlights(ws, uri, p);
          assert.equal(highlights.length > 0, prepared !== null, `highlights at ${JSON.stringify(p)}`);
          assert.equal(getReferences(ws, uri, p, true).length > 0, prepared !== null, `references at ${JSON.stringify(p)}`);
        }
      }
    });
  });

  it('offers no completion with an empty label for an evidence id "" (path 41551)', () => {
    const rel = 'm.isms.yaml';
    const text = 'organization:\n  approval:\n    approvedBy: jane\n    date: 2024-01-01\n    budget: 0\n    evidence: []\nevidence:\n  - id: ""\n  - id: "  "\n  - id: EV-001\n';
    const ws = workspaceOf({ [rel]: text });
    const labels = getCompletions(ws, uriOf(rel), { line: 5, character: 15 }).items.map((i) => i.label);
    assert.ok(labels.includes('EV-001'), JSON.stringify(labels));
    assert.ok(labels.every((l) => l.trim() !== ''), JSON.stringify(labels));
  });

  it('puts the suppression above a plain scalar whose next line starts with U+FEFF (path 3182)', () => {
    const rel = 'audits.isms.yaml';
    const text = '\u000e\uFEFF\n\uFEFF';
    const ws = workspaceOf({ [rel]: text });
    const diagnostics = diagnosticsOf(ws, rel).filter((d) => d.code !== 'yaml-syntax');
    assert.ok(diagnostics.length > 0, 'expected a diagnostic on the scalar');
    const suppressions = getCodeActions(ws, uriOf(rel), diagnostics[0]!.range, [diagnostics[0]!]).filter((a) => a.title.startsWith('Suppress '));
    assert.ok(suppressions.length > 0, 'expected a suppression action');
    for (const action of suppressions) {
      const after = appliedTo(ws, action.edit!, uriOf(rel));
      assert.deepEqual(parseIsmsFile(uriOf(rel), after).syntax, [], `${action.title}:\n${JSON.stringify(after)}`);
      assert.match(action.title, /comment above it/);
    }
  });

  it('extends the top-level soa of editor text that starts with a BOM, adding no second soa (path 1189)', () => {
    const rel = 'soa.isms.yaml';
    const text = '\uFEFF? a: b\nsoa:\n';
    const ws = workspaceOf({ [rel]: text });
    const result = missingControlsEdit(ws);
    assert.ok(result.edit, result.reason);
    const after = appliedTo(ws, result.edit, uriOf(rel));
    assert.deepEqual(parseIsmsFile(uriOf(rel), after).syntax, [], after);
    assert.equal(after.match(/^soa:/gm)?.length, 1, after);
  });

  it('reads a leading BOM as a BOM: the same tree as without it', () => {
    for (const text of ['? a: b\nsoa:\n', '? - x\n: y\nsoa: 1\n', '%YAML 1.2\n---\nsoa: 1\n']) {
      const withBom = parseIsmsFile('file:///ws/b.isms.yaml', '\uFEFF' + text);
      const without = parseIsmsFile('file:///ws/b.isms.yaml', text);
      assert.deepEqual(withBom.value, without.value, JSON.stringify(text));
      assert.equal(withBom.syntax.length, without.syntax.length, JSON.stringify(text));
    }
  });
});
