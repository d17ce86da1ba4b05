import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['certificate-open-findings'];

const AUDITS = `audits:
  - id: AU-S1
    type: stage-1
    date: 2026-04-01
    status: completed
  - id: AU-S2
    type: stage-2
    date: 2026-06-09
    status: completed
`;

const CERTIFICATE = `certificate:
  number: IS 000000
  issued: 2026-06-26
  expires: 2029-06-25
`;

function finding(audit: string, status: string): string {
  return `nonconformities:
  - id: NC-002
    audit: ${audit}
    severity: major
    control: A.8.13
    description: Backups are not tested for restoration.
    raised: 2026-06-10
    status: ${status}
`;
}

describe('rule certificate-open-findings', () => {
  it('reports on certificate.issued while a stage 2 finding is not closed', () => {
    const ws = workspaceOf({ 'audits.isms.yaml': AUDITS, 'cert.isms.yaml': CERTIFICATE, 'nc.isms.yaml': finding('AU-S2', 'corrected') });
    assert.deepEqual(summarize(ws, 'cert.isms.yaml', CODE), [{ code: 'certificate-open-findings', line: 3, text: '2026-06-26' }]);
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
    assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), []);
    assert.match(diagnosticsOf(ws, 'cert.isms.yaml', CODE)[0]!.message, /^The certificate is recorded as issued while stage 2 finding NC-002 \(corrected\) is not closed\./);
  });

  it('stays silent when the stage 2 findings are closed, or the open finding is from stage 1', () => {
    const closed = workspaceOf({ 'audits.isms.yaml': AUDITS, 'cert.isms.yaml': CERTIFICATE, 'nc.isms.yaml': finding('AU-S2', 'closed') });
    assert.deepEqual(summarize(closed, 'cert.isms.yaml', CODE), []);
    const stage1 = workspaceOf({ 'audits.isms.yaml': AUDITS, 'cert.isms.yaml': CERTIFICATE, 'nc.isms.yaml': finding('AU-S1', 'open') });
    assert.deepEqual(summarize(stage1, 'cert.isms.yaml', CODE), []);
  });

  it('stays silent without a certificate', () => {
    const ws = workspaceOf({ 'audits.isms.yaml': AUDITS, 'nc.isms.yaml': finding('AU-S2', 'open') });
    for (const file of ['audits.isms.yaml', 'nc.isms.yaml']) assert.deepEqual(summarize(ws, file, CODE), []);
  });
});
