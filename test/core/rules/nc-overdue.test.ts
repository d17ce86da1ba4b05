import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['nc-overdue'];

function finding(status: string, due: string): string {
  return `nonconformities:
  - id: NC-008
    severity: minor
    control: A.5.15
    description: Access reviews are not performed for production systems.
    raised: 2026-01-10
    due: ${due}
    status: ${status}
`;
}

function check(status: string, due: string, today: string) {
  return summarize(workspaceOf({ 'nc.isms.yaml': finding(status, due) }, { today }), 'nc.isms.yaml', CODE);
}

describe('rule nc-overdue', () => {
  it('reports an open finding past its due date on the due value', () => {
    const ws = workspaceOf({ 'nc.isms.yaml': finding('open', '2026-10-31') }, { today: '2026-11-28' });
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'nc-overdue', line: 7, text: '2026-10-31' }]);
    const [d] = diagnosticsOf(ws, 'nc.isms.yaml', CODE);
    assert.match(d!.message, /^Minor nonconformity NC-008 was due on 2026-10-31 and is not closed \(status open, 28 days overdue\)\./);
    assert.deepEqual(d!.data, { id: 'NC-008', due: '2026-10-31', daysOverdue: 28 });
  });

  it('reports a corrected finding too: only closed ends the clock', () => {
    assert.deepEqual(check('corrected', '2026-10-31', '2026-11-28'), [{ code: 'nc-overdue', line: 7, text: '2026-10-31' }]);
  });

  it('is not overdue on the due date, and overdue the day after', () => {
    assert.deepEqual(check('open', '2026-11-28', '2026-11-28'), []);
    assert.deepEqual(check('open', '2026-11-28', '2026-11-29'), [{ code: 'nc-overdue', line: 7, text: '2026-11-28' }]);
  });

  it('counts calendar days across a leap day', () => {
    assert.deepEqual(check('open', '2028-02-29', '2028-02-29'), []);
    assert.deepEqual(check('open', '2028-02-28', '2028-02-29'), [{ code: 'nc-overdue', line: 7, text: '2028-02-28' }]);
  });

  it('stays silent for a closed finding past its due date, and for one without a due date', () => {
    assert.deepEqual(check('closed', '2026-01-31', '2026-11-28'), []);
    const noDue = finding('open', '2026-01-31').replace(/ {4}due: .*\n/, '');
    assert.deepEqual(summarize(workspaceOf({ 'nc.isms.yaml': noDue }, { today: '2026-11-28' }), 'nc.isms.yaml', CODE), []);
  });
});
