import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['nc-unverified'];

function finding(status: string, extra = ''): string {
  return `nonconformities:
  - id: NC-007
    severity: minor
    control: A.6.3
    description: Security awareness training is not tracked.
    raised: 2026-04-02
    status: ${status}   # the anchor of state-required properties
    owner: bob
${extra}`;
}

describe('rule nc-unverified', () => {
  it('reports a closed finding without verifiedBy on its status value', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('closed') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-unverified', line: 7, text: 'closed' }]);
    assert.match(diagnosticsOf(ws, 'nc.isms.yaml', CODE)[0]!.message, /^Minor nonconformity NC-007 is closed but no one .*verifiedBy\.$/);
  });

  it('reports an empty verifiedBy on the status value, not the empty key', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('closed', '    verifiedBy:\n') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-unverified', line: 7, text: 'closed' }]);
  });

  it('stays silent for a corrected finding, and for a closed one with a verifier', () => {
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': finding('corrected') }), 'nc.isms.yaml', CODE), []);
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': finding('closed', '    verifiedBy: carol\n') }), 'nc.isms.yaml', CODE), []);
  });
});
