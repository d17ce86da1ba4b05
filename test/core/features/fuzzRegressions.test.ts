/**
 * Inputs the fuzzer found that broke an LSP invariant, kept as plain regressions.
 */
import * as assert from 'node:assert/strict';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { getCompletions } from '../../../server/src/core/features/completion';
import { getHover } from '../../../server/src/core/features/hover';
import { getDocumentSymbols } from '../../../server/src/core/features/symbols';
import { uriOf, workspaceOf } from '../../helpers/memoryHost';

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

describe('fuzzer regressions', () => {
  it('names an item with an empty id "(no id)" in the outline, never ""', () => {
    const ws = workspaceOf({ 'e.isms.yaml': 'evidence:\n  - id: ""\n    title: Board minutes\n' });
    const names = JSON.stringify(getDocumentSymbols(ws, uriOf('e.isms.yaml')));
    assert.ok(!names.includes('"name":""'), names);
    assert.match(names, /\(no id\)/);
  });

  it('gives completion edits on one line that contain the cursor, before a quote and with CR line ends', () => {
    const cases: [string, Position][] = [
      ['people:\n  - id: alice\n    name: Alice\nrisks:\n  - id: R-1\n    owner: \'alice\'\n', { line: 5, character: 11 }],
      ['people:\r  - id: alice\r    name: Alice\rrisks:\r  - id: R-1\r    owner: \r', { line: 5, character: 11 }],
    ];
    for (const [text, position] of cases) {
      const ws = workspaceOf({ 'r.isms.yaml': text });
      for (const item of getCompletions(ws, uriOf('r.isms.yaml'), position).items) {
        const range = (item.textEdit as TextEdit).range;
        assert.equal(range.start.line, range.end.line, JSON.stringify(range));
        assert.ok(contains(range, position), `${JSON.stringify(range)} does not contain ${JSON.stringify(position)}`);
      }
    }
  });

  it('gives no hover whose range misses the cursor (blank line after a block scalar)', () => {
    const ws = workspaceOf({ 'a.isms.yaml': 'audits:\n  - id: AU-1\n    report: |-\n      EV-001\n\n' });
    const position = { line: 4, character: 0 };
    const hover = getHover(ws, uriOf('a.isms.yaml'), position);
    assert.ok(hover === null || !hover.range || contains(hover.range, position), JSON.stringify(hover?.range));
  });
});
