import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['unknown-audit'];
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const AUDITS = lines('audits:', '  - id: AU-2026-S1', '    type: stage-1', '    date: 2026-04-01', '    status: completed');
const finding = (audit: string): string =>
  lines(
    'nonconformities:',
    '  - id: NC-001',
    `    audit: ${audit}`,
    '    severity: minor',
    '    clause: "9.2"',
    '    description: The internal audit programme is not defined.',
    '    raised: 2026-04-02',
    '    status: open',
  );

describe('rule unknown-audit', () => {
  it("reports a nonconformity's audit that is not defined, suggesting the closest", () => {
    const ws = workspaceOf({ 'audits.isms.yaml': AUDITS, 'ncs.isms.yaml': finding('AU-2026-S2') });
    assert.deepEqual(summarize(ws, 'ncs.isms.yaml', CODE), [{ code: 'unknown-audit', line: 3, text: 'AU-2026-S2' }]);
    const [d] = diagnosticsOf(ws, 'ncs.isms.yaml', CODE);
    assert.match(d!.message, /No audit with id 'AU-2026-S2' is defined in audits\. Did you mean 'AU-2026-S1'\?/);
    assert.deepEqual(d!.data, { id: 'AU-2026-S2', kind: 'audit', suggestions: ['AU-2026-S1'] });
  });

  it('stays silent when the audit is defined (in another file)', () => {
    const ws = workspaceOf({ 'audits.isms.yaml': AUDITS, 'ncs.isms.yaml': finding('AU-2026-S1') });
    assert.deepEqual(summarize(ws, 'ncs.isms.yaml', CODE), []);
  });
});
