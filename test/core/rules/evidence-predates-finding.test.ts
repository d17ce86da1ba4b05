import assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['evidence-predates-finding'];

const EVIDENCE = [
  'evidence:',
  '  - id: EV-039',
  '    title: Old access list',
  '    link: https://example.com/old',
  '    collected: 2026-03-01',
  '  - id: EV-040',
  '    title: Access review after the finding',
  '    link: https://example.com/review',
  '    collected: 2026-04-02',
  '',
].join('\n');

function nonconformity(...lines: string[]): string {
  return [
    'nonconformities:',
    '  - id: NC-001',
    '    severity: major',
    '    control: A.5.15',
    '    description: Access reviews are not performed for production systems.',
    '    raised: 2026-04-02',
    '    status: open',
    ...lines.map((l) => '    ' + l),
    '',
  ].join('\n');
}

describe('rule evidence-predates-finding', () => {
  it('reports correction evidence collected before the finding was raised, on the cited id', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': EVIDENCE, 'nc.isms.yaml': nonconformity('correctionEvidence: [EV-040, EV-039]') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'evidence-predates-finding', line: 8, text: 'EV-039' }]);
    const [d] = diagnosticsOf(ws, 'nc.isms.yaml', CODE);
    assert.equal(d!.message, 'Evidence EV-039 was collected on 2026-03-01, before NC-001 was raised on 2026-04-02, so it cannot show the correction of this finding. Cite evidence collected on or after 2026-04-02, or correct the dates.');
    assert.deepEqual(d!.data, { evidenceId: 'EV-039', nonconformityId: 'NC-001', field: 'correctionEvidence', collected: '2026-03-01', raised: '2026-04-02' });
  });

  it('reports remediation evidence too', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': EVIDENCE, 'nc.isms.yaml': nonconformity('remediationEvidence:', '  - EV-039') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'evidence-predates-finding', line: 9, text: 'EV-039' }]);
    assert.match(diagnosticsOf(ws, 'nc.isms.yaml', CODE)[0]!.message, /cannot show the remediation/);
  });

  it('accepts evidence collected on the day the finding was raised', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': EVIDENCE, 'nc.isms.yaml': nonconformity('correctionEvidence: [EV-040]') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
  });

  it('stays silent on unknown evidence and evidence without a collected date', () => {
    const undated = 'evidence:\n  - id: EV-050\n    title: Undated\n    link: https://example.com/x\n';
    const ws = workspaceOf({ 'evidence.isms.yaml': EVIDENCE, 'more.isms.yaml': undated, 'nc.isms.yaml': nonconformity('correctionEvidence: [EV-404, EV-050]') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
  });

  it('does not report other citations of old evidence (the SoA, the audit report)', () => {
    const soa = 'soa:\n  controls:\n    - id: A.5.15\n      applicable: true\n      justification: Access control is needed for customer data.\n      status: implemented\n      evidence: [EV-039]\n';
    const ws = workspaceOf({ 'evidence.isms.yaml': EVIDENCE, 'soa.isms.yaml': soa, 'nc.isms.yaml': nonconformity() });
    assert.deepEqual(summarize(ws, 'soa.isms.yaml', CODE), []);
  });
});
