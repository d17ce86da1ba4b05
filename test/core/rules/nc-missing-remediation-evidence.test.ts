import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['nc-missing-remediation-evidence'];

function finding(severity: string, status: string, extra = ''): string {
  return `nonconformities:
  - id: NC-004
    severity: ${severity}
    control: A.5.15
    description: Access reviews are not performed for production systems.
    raised: 2026-04-02
    status: ${status}
    correctionEvidence: [EV-040]
${extra}`;
}

describe('rule nc-missing-remediation-evidence', () => {
  it('reports a closed major finding without remediationEvidence on its status value', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('major', 'closed') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-missing-remediation-evidence', line: 7, text: 'closed' }]);
    assert.equal(
      diagnosticsOf(ws, 'nc.isms.yaml', CODE)[0]!.message,
      'Major nonconformity NC-004 is closed without evidence of remediation. Auditors require evidence that the root cause was removed; cite it in remediationEvidence.',
    );
  });

  it('reports an empty remediationEvidence value', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('major', 'closed', '    remediationEvidence:\n') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-missing-remediation-evidence', line: 7, text: 'closed' }]);
  });

  it('stays silent for a closed minor finding (remediation evidence is for majors only)', () => {
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': finding('minor', 'closed') }), 'nc.isms.yaml', CODE), []);
  });

  it('stays silent for a major that is only corrected, and for one with remediation evidence', () => {
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': finding('major', 'corrected') }), 'nc.isms.yaml', CODE), []);
    const remediated = finding('major', 'closed', '    remediationEvidence: [EV-041]\n');
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': remediated }), 'nc.isms.yaml', CODE), []);
  });
});
