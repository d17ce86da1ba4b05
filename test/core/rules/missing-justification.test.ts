import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['missing-justification'];
const FILE = 'soa.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('rule missing-justification', () => {
  it("reports a missing justification on the entry's first key, for included and excluded controls", () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'soa:',
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        '      status: implemented',
        '    - applicable: false',
        '      id: A.7.4',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), [
      { code: 'missing-justification', line: 3, text: 'id' },
      { code: 'missing-justification', line: 6, text: 'applicable' },
    ]);
    const [included, excluded] = diagnosticsOf(ws, FILE, CODE);
    assert.match(included!.message, /A\.5\.1 has no justification.*why it is included/);
    assert.match(excluded!.message, /A\.7\.4 has no justification.*why it is excluded/);
  });

  it('reports an empty or blank justification on the justification key, and the schema stays silent', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'soa:',
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        '      justification: ""',
        '      status: implemented',
        '    - id: A.7.4',
        '      applicable: false',
        '      justification:',
        '    - id: A.7.5',
        '      applicable: false',
        "      justification: '   '",
      ),
    });
    assert.deepEqual(summarize(ws, FILE, [...CODE, 'schema']), [
      { code: 'missing-justification', line: 5, text: 'justification' },
      { code: 'missing-justification', line: 9, text: 'justification' },
      { code: 'missing-justification', line: 12, text: 'justification' },
    ]);
  });

  it('stays silent when every entry has a justification', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'soa:',
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        '      justification: Needed to direct the ISMS; required by risk R-004.',
        '      status: implemented',
        '    - id: A.7.4',
        '      applicable: false',
        '      justification: >',
        '        No premises in scope; the company is fully remote.',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
