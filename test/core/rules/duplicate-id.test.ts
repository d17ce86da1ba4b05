import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, uriOf, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['duplicate-id'];
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('rule duplicate-id', () => {
  it('within one file, reports only the later definition, naming the earlier one', () => {
    const ws = workspaceOf({
      'people.isms.yaml': lines('people:', '  - id: alice', '    name: Alice Chen', '  - id: alice', '    name: Alice Other'),
    });
    assert.deepEqual(summarize(ws, 'people.isms.yaml', CODE), [{ code: 'duplicate-id', line: 4, text: 'alice' }]);
    const [d] = diagnosticsOf(ws, 'people.isms.yaml', CODE);
    assert.match(d!.message, /person id 'alice' is already defined at people\.isms\.yaml line 2/);
    assert.deepEqual(d!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uriOf('people.isms.yaml'), 1]]);
  });

  it('across files, reports every definition, each naming the others', () => {
    const ws = workspaceOf({
      'a.isms.yaml': lines('evidence:', '  - id: EV-001', '    title: Board minutes', '    link: minutes.pdf'),
      'b.isms.yaml': lines('# more evidence', 'evidence:', '  - id: EV-002', '    title: Policy', '    link: policy.pdf', '  - id: EV-001', '    title: Other', '    link: other.pdf'),
    });
    assert.deepEqual(summarize(ws, 'a.isms.yaml', CODE), [{ code: 'duplicate-id', line: 2, text: 'EV-001' }]);
    assert.deepEqual(summarize(ws, 'b.isms.yaml', CODE), [{ code: 'duplicate-id', line: 6, text: 'EV-001' }]);
    const [inA] = diagnosticsOf(ws, 'a.isms.yaml', CODE);
    const [inB] = diagnosticsOf(ws, 'b.isms.yaml', CODE);
    assert.match(inA!.message, /evidence item id 'EV-001' is already defined at b\.isms\.yaml line 6/);
    assert.match(inB!.message, /at a\.isms\.yaml line 2/);
    assert.equal(inA!.relatedInformation?.[0]?.location.uri, uriOf('b.isms.yaml'));
    assert.equal(inB!.relatedInformation?.[0]?.location.uri, uriOf('a.isms.yaml'));
  });

  it('names at most five other places and links twenty, however many copies there are', () => {
    const copies = Array.from({ length: 3000 }, (_, i) => `  - id: EV-001\n    title: Copy ${i}\n    link: https://example.com/${i}`);
    const ws = workspaceOf({ 'evidence.isms.yaml': ['evidence:', ...copies, ''].join('\n') });
    const found = diagnosticsOf(ws, 'evidence.isms.yaml', CODE);
    // The first copy is the original; the yaml-syntax notice says how many more are not shown.
    assert.equal(found.length, 999);
    const last = found[found.length - 1]!;
    assert.equal(
      last.message,
      "The evidence item id 'EV-001' is already defined at evidence.isms.yaml line 2, evidence.isms.yaml line 5, evidence.isms.yaml line 8, evidence.isms.yaml line 11, evidence.isms.yaml line 14 and 2,994 more places. Ids must be unique across the whole ISMS; rename one of them.",
    );
    assert.equal(last.relatedInformation?.length, 20);
    // Six copies: all five others named, no "more".
    const six = workspaceOf({ 'evidence.isms.yaml': ['evidence:', ...copies.slice(0, 6), ''].join('\n') });
    assert.doesNotMatch(diagnosticsOf(six, 'evidence.isms.yaml', CODE)[4]!.message, /more place/);
  });

  it('stays silent for distinct ids, and for one id used by items of different kinds', () => {
    const ws = workspaceOf({
      'a.isms.yaml': lines(
        'people:', '  - id: alice', '    name: Alice Chen', '  - id: bob', '    name: Bob Diaz',
        'risks:', '  - id: alice', '    title: Named like a person', '    likelihood: 1', '    impact: 1', '    treatment: accept',
      ),
    });
    assert.deepEqual(summarize(ws, 'a.isms.yaml', CODE), []);
  });
});
