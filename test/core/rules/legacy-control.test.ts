import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['legacy-control'];
const FILE = 'a.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const entry = (id: string): string[] => [`    - id: ${id}`, '      applicable: false', '      justification: Not relevant to the platform in scope.'];

describe('rule legacy-control', () => {
  it('names the one 2022 control a 2013 id became, with its title, and offers it as the replacement', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.9.2.1')) });
    assert.deepEqual(summarize(ws, FILE, [...CODE, 'unknown-control']), [{ code: 'legacy-control', line: 3, text: 'A.9.2.1' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
    assert.match(d!.message, /A\.9\.2\.1 .*2013.*A\.5\.16 Identity management/);
    assert.deepEqual(d!.data, { ids2022: ['A.5.16'], replacement: 'A.5.16' });
  });

  it('names both 2022 controls of a split id and offers no replacement', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'nonconformities:',
        '  - id: NC-001',
        '    severity: minor',
        '    control: A.18.2.3',
        '    description: Technical compliance is not reviewed.',
        '    raised: 2026-04-02',
        '    status: open',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'legacy-control', line: 4, text: 'A.18.2.3' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.match(d!.message, /A\.5\.36/);
    assert.match(d!.message, /A\.8\.8/);
    assert.deepEqual(d!.data, { ids2022: ['A.5.36', 'A.8.8'] });
    assert.equal('replacement' in (d!.data as object), false);
  });

  it('stays silent on 2022 ids', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  controls:', ...entry('A.5.16'), ...entry('A.8.8')) });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
