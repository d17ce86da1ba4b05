import assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['role-conflict'];

const PEOPLE = [
  'people:',
  '  - id: bob',
  '    name: Bob Diaz',
  '    roles: [remediation-owner]',
  '  - id: carol',
  '    name: Carol Evans',
  '    roles: [verifier, internal-auditor]',
  '',
].join('\n');

function nonconformity(owner: string, verifiedBy: string): string {
  return [
    'nonconformities:',
    '  - id: NC-001',
    '    severity: minor',
    '    control: A.5.15',
    '    description: Access reviews are not performed for production systems.',
    '    raised: 2026-04-02',
    '    status: corrected',
    `    owner: ${owner}`,
    `    verifiedBy: ${verifiedBy}`,
    '',
  ].join('\n');
}

describe('rule role-conflict', () => {
  it('reports a nonconformity verified by its own owner, on the verifiedBy value', () => {
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'nc.isms.yaml': nonconformity('bob', 'bob') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'role-conflict', line: 9, text: 'bob' }]);
    const [d] = diagnosticsOf(ws, 'nc.isms.yaml', CODE);
    assert.equal(d!.message, 'NC-001 is verified by bob, who also owns its remediation; auditors expect the verification to be independent of the person who did the work. Assign another verifier (people with the verifier role: carol).');
    assert.deepEqual(d!.data, { id: 'NC-001', person: 'bob', suggestions: ['carol'] });
  });

  it('names five other verifiers and offers twenty, however many there are', () => {
    const verifiers = Array.from({ length: 30 }, (_, i) => `  - id: v${String(i).padStart(2, '0')}\n    name: Verifier ${i}\n    roles: [verifier]`).join('\n');
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE + verifiers + '\n', 'nc.isms.yaml': nonconformity('bob', 'bob') });
    const [d] = diagnosticsOf(ws, 'nc.isms.yaml', CODE);
    assert.match(d!.message, /\(people with the verifier role: carol, v00, v01, v02, v03 and 26 more\)\.$/);
    assert.equal((d!.data as { suggestions: string[] }).suggestions.length, 20);
  });

  it('stays silent when owner and verifier differ', () => {
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'nc.isms.yaml': nonconformity('bob', 'carol') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
    assert.deepEqual(summarize(ws, 'people.isms.yaml', CODE), []);
  });

  it('reports a person holding both remediation-owner and verifier, on the roles value', () => {
    const people = 'people:\n  - id: dave\n    name: Dave Fox\n    roles: [verifier, control-owner, remediation-owner]\n';
    const ws = workspaceOf({ 'people.isms.yaml': people });
    assert.deepEqual(summarize(ws, 'people.isms.yaml', CODE), [{ code: 'role-conflict', line: 4, text: '[verifier, control-owner, remediation-owner]' }]);
    assert.match(diagnosticsOf(ws, 'people.isms.yaml', CODE)[0]!.message, /^dave holds both remediation-owner and verifier, so they could verify corrective actions they carried out themselves/);
  });

  it('ends the range of a block list on its last item, not on the next line', () => {
    const people = 'people:\n  - id: dave\n    name: Dave Fox\n    roles:\n      - remediation-owner\n      - verifier\n  - id: erin\n    name: Erin Gray\n';
    const ws = workspaceOf({ 'people.isms.yaml': people });
    const [d] = diagnosticsOf(ws, 'people.isms.yaml', CODE);
    assert.deepEqual(d!.range, { start: { line: 4, character: 6 }, end: { line: 5, character: 16 } });
  });
});
