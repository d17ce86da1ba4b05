import * as assert from 'node:assert/strict';
import { getInlayHints } from '../../../server/src/core/features/inlayHints';
import { uriOf, workspaceOf } from '../../helpers/memoryHost';
import { lines, TREE } from './navigationFixtures';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

/** Each hint as the line with the label inserted at its position: `controls: [A.8.1 ‹…›, …]`. */
function rendered(ws: ReturnType<typeof workspaceOf>, rel: string, range = WHOLE): string[] {
  const file = ws.file(uriOf(rel))!;
  return getInlayHints(ws, uriOf(rel), range).map((h) => {
    assert.equal(h.paddingLeft, true);
    const offset = file.lines.offsetAt(h.position);
    const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = file.text.indexOf('\n', offset);
    return (file.text.slice(lineStart, offset) + ` ‹${String(h.label)}›` + file.text.slice(offset, lineEnd)).trim();
  });
}

describe('inlay hints', () => {
  it('shows the control title after control ids in lists, values and SoA entries', () => {
    const ws = workspaceOf(TREE);
    assert.deepEqual(rendered(ws, 'findings.isms.yaml'), [
      'controls: [A.8.1 ‹User end point devices›, A.5.15]',
      'controls: [A.8.1, A.5.15 ‹Access control›]',
      'control: A.5.15 ‹Access control›',
    ]);
    assert.deepEqual(rendered(ws, 'soa.isms.yaml'), ['- id: A.5.15 ‹Access control›', '- id: A.8.1 ‹User end point devices›']);
  });

  it('places the hint after a closing quote and carries a tooltip', () => {
    const ws = workspaceOf({ 'r.isms.yaml': lines('risks:', '  - id: R-1', '    controls: ["A.8.24", \'A.5.1\']') });
    assert.deepEqual(rendered(ws, 'r.isms.yaml'), [
      'controls: ["A.8.24" ‹Use of cryptography›, \'A.5.1\']',
      'controls: ["A.8.24", \'A.5.1\' ‹Policies for information security›]',
    ]);
    const [hint] = getInlayHints(ws, uriOf('r.isms.yaml'), WHOLE);
    assert.match(String(hint!.tooltip), /^A\.8\.24 Use of cryptography \(Technological control/);
  });

  it('shows nothing for unknown, legacy, numeric or malformed ids', () => {
    const ws = workspaceOf({
      'r.isms.yaml': lines('risks:', '  - id: R-1', '    controls: [A.9.2.1, A.5.99, 5.1, a.5.1, A.5.10]', 'nonconformities:', '  - id: NC-1', '    clause: "6.1.3"'),
    });
    assert.deepEqual(rendered(ws, 'r.isms.yaml'), ['controls: [A.9.2.1, A.5.99, 5.1, a.5.1, A.5.10 ‹Acceptable use of information and other associated assets›]']);
  });

  it('answers only within the requested range', () => {
    const ws = workspaceOf(TREE);
    const lineOfSecondEntry = { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } };
    assert.deepEqual(rendered(ws, 'soa.isms.yaml', lineOfSecondEntry), ['- id: A.8.1 ‹User end point devices›']);
    assert.deepEqual(getInlayHints(ws, uriOf('soa.isms.yaml'), { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }), []);
    assert.deepEqual(getInlayHints(ws, uriOf('nope.isms.yaml'), WHOLE), []);
  });
});
