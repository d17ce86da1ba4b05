import * as assert from 'node:assert/strict';
import { uriOf, workspaceOf } from '../helpers/memoryHost';

const lines = (...rows: string[]): string => rows.join('\n') + '\n';

/** A workspace split the way a large team would split it. */
const TREE = {
  'a-people.isms.yaml': lines(
    'people:',
    '  - id: jane',
    '    name: Jane Doe',
    '  - id: alice',
    '    name: Alice Chen',
    'evidence:',
    '  - id: EV-001',
    '    title: Board minutes',
    '    link: https://example.com/minutes',
  ),
  'b-more.isms.yaml': lines(
    'people:',
    '  - id: bob',
    '    name: Bob Diaz',
    'risks:',
    '  - id: R-001',
    '    title: Stolen laptop',
    '    likelihood: 3',
    '    impact: 4',
    '    treatment: mitigate',
    '    controls: [A.8.1, A.5.15]',
    '    owner: alice',
    'evidence:',
    '  - id: EV-002',
    '    title: Policy',
    '    link: https://example.com/policy',
    '    owner: alice',
  ),
  'c-soa.isms.yaml': lines(
    'soa:',
    '  approvedBy: jane',
    '  controls:',
    '    - id: A.5.15',
    '      applicable: true',
    '      justification: Required by risk R-001.',
    '      status: implemented',
    '      owner: alice',
    '      evidence: [EV-001, EV-002]',
    '    - id: A.7.4',
    '      applicable: false',
    '      justification: No premises in scope.',
  ),
  'd-second-soa.isms.yaml': lines(
    'soa:',
    '  controls:',
    '    - id: A.8.1',
    '      applicable: true',
    '      justification: Laptops hold customer data.',
    '      status: planned',
  ),
};

describe('workspace model', () => {
  const model = workspaceOf(TREE).model;

  it('orders files by URI', () => {
    assert.deepEqual(model.files.map((f) => f.uri), Object.keys(TREE).map(uriOf));
  });

  it('merges list sections across files', () => {
    assert.deepEqual(model.items('person').map((p) => [p.id, p.file.uri]), [
      ['jane', uriOf('a-people.isms.yaml')],
      ['alice', uriOf('a-people.isms.yaml')],
      ['bob', uriOf('b-more.isms.yaml')],
    ]);
    assert.deepEqual(model.items('evidence').map((e) => e.id), ['EV-001', 'EV-002']);
    assert.deepEqual([...model.ids('person')], ['jane', 'alice', 'bob']);
    assert.equal(model.item('person', 'bob')?.file.uri, uriOf('b-more.isms.yaml'));
    assert.equal(model.item('person', 'carol'), undefined);
    assert.equal(model.sections('people').length, 2);
  });

  it('finds citations of an id across files, in file order', () => {
    const where = (kind: Parameters<typeof model.citationsOf>[0], value: string): [string, string, number][] =>
      model.citationsOf(kind, value).map((c) => {
        const file = c.file.uri.slice(c.file.uri.lastIndexOf('/') + 1);
        return [file, c.field, c.file.lines.positionAt(c.node.range![0]).line + 1];
      });
    assert.deepEqual(where('person', 'alice'), [
      ['b-more.isms.yaml', 'owner', 11],
      ['b-more.isms.yaml', 'owner', 16],
      ['c-soa.isms.yaml', 'owner', 8],
    ]);
    assert.deepEqual(where('person', 'jane'), [['c-soa.isms.yaml', 'approvedBy', 2]]);
    assert.deepEqual(where('control', 'A.5.15'), [
      ['b-more.isms.yaml', 'controls', 10],
      ['c-soa.isms.yaml', 'id', 4],
    ]);
    assert.deepEqual(where('evidence', 'EV-002'), [['c-soa.isms.yaml', 'evidence', 9]]);
    assert.deepEqual(where('person', 'bob'), []);
  });

  it('takes the SoA entries from the first soa section only', () => {
    assert.equal(model.sections('soa').length, 2);
    assert.equal(model.singleton('soa')?.file.uri, uriOf('c-soa.isms.yaml'));
    assert.deepEqual(model.soaEntries.map((e) => e.id), ['A.5.15', 'A.7.4']);
    assert.deepEqual(model.soaEntriesFor('A.8.1'), []);
    assert.equal(model.soaEntriesFor('A.7.4').length, 1);
  });

  it('keeps per-file facts, including the entries of a second soa', () => {
    const second = model.fileByUri(uriOf('d-second-soa.isms.yaml'))!;
    assert.deepEqual(model.facts(second).soaEntries.map((e) => e.id), ['A.8.1']);
    assert.deepEqual(model.facts(second).sections.map((s) => s.name), ['soa']);
  });
});
