import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['unknown-evidence'];
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const REGISTER = lines(
  'evidence:',
  '  - id: EV-001',
  '    title: Board minutes',
  '    link: https://example.com/minutes',
  '  - id: EV-030',
  '    title: Stage 1 report',
  '    link: https://example.com/stage-1',
);

const citing = (soaEvidence: string, report: string, correction: string): string =>
  lines(
    'soa:', //                            1
    '  controls:',
    '    - id: A.5.1',
    '      applicable: true',
    '      justification: Needed to direct the ISMS.',
    '      status: implemented',
    `      evidence: [EV-001, ${soaEvidence}]`, // 7
    'audits:',
    '  - id: AU-1',
    '    type: stage-1',
    '    date: 2026-04-01',
    '    status: completed',
    `    report: ${report}`, //          13
    'nonconformities:',
    '  - id: NC-1',
    '    audit: AU-1',
    '    severity: minor',
    '    control: A.5.1',
    '    description: The policy has not been reviewed this year.',
    '    raised: 2026-04-02',
    '    status: open',
    '    correctionEvidence:',
    `      - ${correction}`, //          23
  );

describe('rule unknown-evidence', () => {
  it('reports ids missing from the register in an SoA evidence list, an audit report and correction evidence', () => {
    const ws = workspaceOf({ 'register.isms.yaml': REGISTER, 'isms.isms.yaml': citing('EV-002', 'EV-031', 'EV-999') });
    assert.deepEqual(summarize(ws, 'isms.isms.yaml', CODE), [
      { code: 'unknown-evidence', line: 7, text: 'EV-002' },
      { code: 'unknown-evidence', line: 13, text: 'EV-031' },
      { code: 'unknown-evidence', line: 23, text: 'EV-999' },
    ]);
    const [d] = diagnosticsOf(ws, 'isms.isms.yaml', CODE);
    assert.match(d!.message, /No evidence item with id 'EV-002' is defined in the evidence register/);
    assert.equal((d!.data as { kind: string }).kind, 'evidence');
    assert.ok((d!.data as { suggestions: string[] }).suggestions.includes('EV-001'));
  });

  it('stays silent when every cited id is in the register, in whichever file', () => {
    const ws = workspaceOf({ 'register.isms.yaml': REGISTER, 'isms.isms.yaml': citing('EV-030', 'EV-030', 'EV-001') });
    assert.deepEqual(summarize(ws, 'isms.isms.yaml', CODE), []);
  });
});
