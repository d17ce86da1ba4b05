import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['nc-missing-correction-evidence'];

function finding(severity: string, status: string, extra = ''): string {
  return `nonconformities:
  - id: NC-002
    severity: ${severity}
    control: A.8.13
    description: Backups are not tested for restoration.
    raised: 2026-04-02
    status: ${status}
    actionPlan: Monthly restore tests of the production database.
${extra}`;
}

describe('rule nc-missing-correction-evidence', () => {
  it('reports a corrected finding without correctionEvidence on its status value', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('minor', 'corrected') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-missing-correction-evidence', line: 7, text: 'corrected' }]);
    assert.match(diagnosticsOf(ws, 'nc.isms.yaml', CODE)[0]!.message, /^Minor nonconformity NC-002 is corrected without evidence of correction\. .*correctionEvidence/);
  });

  it('reports a closed major finding whose evidence list is empty', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('major', 'closed', '    correctionEvidence: []\n') });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-missing-correction-evidence', line: 7, text: 'closed' }]);
  });

  it('stays silent for an open finding and for one that cites evidence', () => {
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': finding('minor', 'open') }), 'nc.isms.yaml', CODE), []);
    const cited = finding('minor', 'closed', '    correctionEvidence: [EV-040]\n');
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': cited }), 'nc.isms.yaml', CODE), []);
  });
});
