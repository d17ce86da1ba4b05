import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, uriOf, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['duplicate-control'];
const FILE = 'soa.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const entry = (id: string, applicable = false): string[] => [`    - id: ${id}`, `      applicable: ${applicable}`, '      justification: Not relevant to the platform in scope.', '      status: implemented'];

describe('rule duplicate-control', () => {
  it('reports the second entry for a control only, naming the line of the first', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.5.1'), ...entry('A.5.2'), ...entry('A.5.1', true)) });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'duplicate-control', line: 11, text: 'A.5.1' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.match(d!.message, /A\.5\.1 is already listed in the SoA on line 3/);
    assert.deepEqual(d!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uriOf(FILE), 2]]);
  });

  it('stays silent when every control is listed once', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.5.1'), ...entry('A.5.10'), ...entry('A.5.11')) });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
