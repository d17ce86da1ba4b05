import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['nc-missing-action-plan'];

function finding(status: string, extra = ''): string {
  return `nonconformities:
  - id: NC-001
    severity: minor
    control: A.5.15
    description: Access reviews are not performed for production systems.
    raised: 2026-04-02
    status: ${status}
${extra}`;
}

describe('rule nc-missing-action-plan', () => {
  it('reports a closed finding without actionPlan on its status value', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('closed') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-missing-action-plan', line: 7, text: 'closed' }]);
    const [d] = diagnosticsOf(ws, 'nc.isms.yaml', CODE);
    assert.match(d!.message, /^Minor nonconformity NC-001 is closed without an action plan\. .*actionPlan/);
    assert.deepEqual(d!.data, { id: 'NC-001', status: 'closed', property: 'actionPlan' });
  });

  it('reports a corrected finding, and an empty plan counts as none', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('corrected', '    actionPlan: ""\n') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-missing-action-plan', line: 7, text: 'corrected' }]);
  });

  it('stays silent for an open finding without a plan, and for a closed one with a plan', () => {
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': finding('open') }), 'nc.isms.yaml', CODE), []);
    const planned = finding('closed', '    actionPlan: Quarterly access reviews with automated revocation.\n');
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': planned }), 'nc.isms.yaml', CODE), []);
  });
});
