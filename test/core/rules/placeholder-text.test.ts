import assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['placeholder-text'];

function soaJustification(value: string): string {
  return ['soa:', '  controls:', '    - id: A.5.1', '      applicable: true', `      justification: ${value}`, '      status: planned', ''].join('\n');
}

/** The placeholder-text findings for an SoA justification written as `value`. */
function judge(value: string): { code: string; line: number; text: string }[] {
  return summarize(workspaceOf({ 'soa.isms.yaml': soaJustification(value) }), 'soa.isms.yaml', CODE);
}

describe('rule placeholder-text', () => {
  it('reports a placeholder justification on its value', () => {
    assert.deepEqual(judge('TBD'), [{ code: 'placeholder-text', line: 5, text: 'TBD' }]);
    const [d] = diagnosticsOf(workspaceOf({ 'soa.isms.yaml': soaJustification('TBD') }), 'soa.isms.yaml', CODE);
    assert.equal(d!.message, "The justification of A.5.1 is a placeholder ('TBD'); auditors read the SoA for the real reason behind including or excluding each control. Write it out in a full sentence.");
    assert.deepEqual(d!.data, { field: 'justification', text: 'TBD', kind: 'placeholder' });
  });

  it('recognises every placeholder alone, in any case, quoted or not', () => {
    for (const value of ['TODO', 'todo', 'Tbd', 'TBC', 'N/A', 'n/a', "'-'", '"..."', "'  TBD  '"]) {
      assert.equal(judge(value).length, 1, value);
    }
  });

  it('takes the typographic ellipsis for the placeholder it is, not merely for short text', () => {
    for (const value of ['…', '"\u2026"', '...']) {
      const [d] = diagnosticsOf(workspaceOf({ 'soa.isms.yaml': soaJustification(value) }), 'soa.isms.yaml', CODE);
      assert.equal((d?.data as { kind?: string } | undefined)?.kind, 'placeholder', value);
    }
  });

  it('recognises text that starts with TODO, TBD or TBC as a whole word, however long', () => {
    for (const value of ['"TODO: ask the CISO for the real reason behind this"', 'TBD after the risk workshop in March next year', 'tbc - waiting for the legal department']) {
      assert.equal(judge(value).length, 1, value);
    }
    // Not whole words: Todos, TBDs, Tbconnect … (long enough, so not "short" either).
    for (const value of ['Todos are tracked in the ISMS backlog for this control.', 'TBDs are not allowed in the policy register by design.']) {
      assert.deepEqual(judge(value), [], value);
    }
  });

  it('reports text shorter than 15 code points, and not 15', () => {
    assert.equal(judge('Needed by law.').length, 1); // 14
    assert.deepEqual(judge('Needed by law!!'), []); // 15
    assert.match(diagnosticsOf(workspaceOf({ 'soa.isms.yaml': soaJustification('Needed.') }), 'soa.isms.yaml', CODE)[0]!.message, /^The justification of A\.5\.1 \('Needed\.'\) is only 7 characters long;/);
    // Code points, not UTF-16 units: 14 emoji are 28 units but 14 characters.
    assert.equal(judge('"' + '🔒'.repeat(14) + '"').length, 1);
    assert.deepEqual(judge('"' + '🔒'.repeat(15) + '"'), []);
  });

  it('never reports an empty value (that is missing-justification, a schema error, or absent)', () => {
    for (const value of ['""', "'   '", '~', '']) assert.deepEqual(judge(value), [], JSON.stringify(value));
  });

  it('starts a block scalar at its indicator and ends on its last line', () => {
    const text = ['scope:', '  statement: >', '    TODO', '  dataCategories: [customer-personal-data]', ''].join('\n');
    const ws = workspaceOf({ 'scope.isms.yaml': text });
    const [d] = diagnosticsOf(ws, 'scope.isms.yaml', CODE);
    assert.deepEqual(d!.range, { start: { line: 1, character: 13 }, end: { line: 2, character: 8 } });
    assert.match(d!.message, /^The scope statement is a placeholder \('TODO'\); it defines what the audit covers/);
  });

  it('checks scope exclusions, action plans and nonconformity descriptions', () => {
    const text = [
      'scope:',
      '  statement: Design, development and operation of the Acme SaaS platform.',
      '  exclusions:',
      '    - item: Retail stores',
      '      justification: N/A',
      'nonconformities:',
      '  - id: NC-001',
      '    severity: minor',
      '    control: A.5.15',
      '    description: No reviews.',
      '    raised: 2026-04-02',
      '    status: open',
      '    actionPlan: tbc',
      '',
    ].join('\n');
    const ws = workspaceOf({ 'all.isms.yaml': text });
    assert.deepEqual(summarize(ws, 'all.isms.yaml', CODE), [
      { code: 'placeholder-text', line: 5, text: 'N/A' },
      { code: 'placeholder-text', line: 10, text: 'No reviews.' },
      { code: 'placeholder-text', line: 13, text: 'tbc' },
    ]);
    const messages = diagnosticsOf(ws, 'all.isms.yaml', CODE).map((d) => d.message.split(';')[0]);
    assert.deepEqual(messages, [
      "The justification of the scope exclusion 'Retail stores' is a placeholder ('N/A')",
      "The description of NC-001 ('No reviews.') is only 11 characters long",
      "The action plan of NC-001 is a placeholder ('tbc')",
    ]);
  });

  it('stays silent on real text and on fields it does not check', () => {
    assert.deepEqual(judge('Needed to direct the ISMS; required by risk R-004.'), []);
    const people = 'people:\n  - id: jane\n    name: TBD\n';
    assert.deepEqual(summarize(workspaceOf({ 'people.isms.yaml': people }), 'people.isms.yaml', CODE), []);
  });
});
