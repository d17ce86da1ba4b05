import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['unknown-control'];
const FILE = 'a.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const entry = (id: string): string[] => [`    - id: ${id}`, '      applicable: false', '      justification: Not relevant to the platform in scope.'];

describe('rule unknown-control', () => {
  it('reports A.5.38 and suggests A.5.37 first', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.5.38')) });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'unknown-control', line: 3, text: 'A.5.38' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.match(d!.message, /A\.5\.38 is not a control of ISO\/IEC 27001:2022/);
    assert.match(d!.message, /Did you mean A\.5\.37/);
    assert.equal((d!.data as { suggestions: string[] }).suggestions[0], 'A.5.37');
  });

  it('reports A.9.9, which is neither a 2022 nor a 2013 id', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.9.9')) });
    assert.deepEqual(summarize(ws, FILE, [...CODE, 'legacy-control', 'control-id-format']), [{ code: 'unknown-control', line: 3, text: 'A.9.9' }]);
  });

  it('recognises a title written instead of the id and suggests its id', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'risks:',
        '  - id: R-001',
        '    title: Former staff keep access',
        '    likelihood: 3',
        '    impact: 4',
        '    treatment: mitigate',
        '    controls:',
        '      - Access control',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'unknown-control', line: 8, text: 'Access control' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.match(d!.message, /'Access control' is not an Annex A control id.*Did you mean A\.5\.15/);
    assert.equal((d!.data as { suggestions: string[] }).suggestions[0], 'A.5.15');
  });

  it('stays silent on the 2022 ids at both ends of each theme', () => {
    const ids = ['A.5.1', 'A.5.37', 'A.6.1', 'A.6.8', 'A.7.1', 'A.7.14', 'A.8.1', 'A.8.34'];
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...ids.flatMap(entry)) });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
