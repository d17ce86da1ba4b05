import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['control-id-format'];
const FILE = 'a.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const entry = (id: string): string[] => [`    - id: ${id}`, '      applicable: false', '      justification: Not relevant to the platform in scope.'];

describe('rule control-id-format', () => {
  it('reports an unquoted 5.10 that YAML reads as 5.1, with A.5.10 as the replacement', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('5.10')) });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'control-id-format', line: 3, text: '5.10' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.match(d!.message, /number 5\.1\b/);
    assert.match(d!.message, /'A\.5\.10'/);
    assert.deepEqual(d!.data, { replacement: 'A.5.10' });
  });

  it('reports a lowercase prefix and a missing dot', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('a.5.1'), ...entry('A5.2')) });
    assert.deepEqual(summarize(ws, FILE, CODE), [
      { code: 'control-id-format', line: 3, text: 'a.5.1' },
      { code: 'control-id-format', line: 6, text: 'A5.2' },
    ]);
    assert.deepEqual(diagnosticsOf(ws, FILE, CODE).map((d) => d.data), [{ replacement: 'A.5.1' }, { replacement: 'A.5.2' }]);
  });

  it('reports leading zeros (A.05.01) with the canonical replacement', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.05.01')) });
    assert.deepEqual(summarize(ws, FILE, [...CODE, 'unknown-control']), [{ code: 'control-id-format', line: 3, text: 'A.05.01' }]);
    assert.deepEqual(diagnosticsOf(ws, FILE, CODE)[0]!.data, { replacement: 'A.5.1' });
  });

  it('reports ids in risks[].controls and nonconformities[].control too', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'risks:',
        '  - id: R-001',
        '    title: Stolen laptop',
        '    likelihood: 3',
        '    impact: 4',
        '    treatment: mitigate',
        '    controls: [A.8.1, 8.24, a.8.5]',
        'nonconformities:',
        '  - id: NC-001',
        '    severity: minor',
        '    control: 5.15',
        '    description: Access reviews are not performed.',
        '    raised: 2026-04-02',
        '    status: open',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), [
      { code: 'control-id-format', line: 7, text: '8.24' },
      { code: 'control-id-format', line: 7, text: 'a.8.5' },
      { code: 'control-id-format', line: 11, text: '5.15' },
    ]);
    assert.deepEqual(diagnosticsOf(ws, FILE, CODE).map((d) => d.data), [{ replacement: 'A.8.24' }, { replacement: 'A.8.5' }, { replacement: 'A.5.15' }]);
  });

  it('stays silent on canonical ids, 2022 and 2013 alike', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.5.10'), ...entry('"A.8.34"'), ...entry('A.9.2.1')) });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
