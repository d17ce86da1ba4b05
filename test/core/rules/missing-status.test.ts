import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['missing-status'];
const FILE = 'soa.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('rule missing-status', () => {
  it('reports an applicable control without status (or with an empty one) on its id value', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'soa:',
        '  controls:',
        '    - justification: Needed to direct the ISMS.',
        '      id: A.5.1',
        '      applicable: true',
        '    - id: A.5.2',
        '      applicable: true',
        '      justification: Roles are needed to run the ISMS.',
        '      status:',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), [
      { code: 'missing-status', line: 4, text: 'A.5.1' },
      { code: 'missing-status', line: 6, text: 'A.5.2' },
    ]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
    assert.match(d!.message, /A\.5\.1 is applicable but has no implementation status/);
  });

  it('stays silent on excluded controls and on applicable controls with a status', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'soa:',
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        '      justification: Needed to direct the ISMS.',
        '      status: planned',
        '    - id: A.7.4',
        '      applicable: false',
        '      justification: No premises in scope; the company is fully remote.',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
