import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['certificate-expired'];

function workspace(expires: string, today: string) {
  return workspaceOf({ 'cert.isms.yaml': `certificate:\n  number: IS 000000\n  issued: 2026-03-01\n  expires: ${expires}\n` }, { today });
}

describe('rule certificate-expired', () => {
  it('reports a certificate that expired before today on the expires value', () => {
    const ws = workspace('2029-02-28', '2029-03-10');
    assert.deepEqual(summarize(ws, 'cert.isms.yaml', CODE), [{ code: 'certificate-expired', line: 4, text: '2029-02-28' }]);
    assert.match(diagnosticsOf(ws, 'cert.isms.yaml', CODE)[0]!.message, /^The certificate expired on 2029-02-28, 10 days ago\./);
  });

  it('is not expired on the expiry date, and expired the day after', () => {
    assert.deepEqual(summarize(workspace('2029-02-28', '2029-02-28'), 'cert.isms.yaml', CODE), []);
    assert.deepEqual(summarize(workspace('2029-02-28', '2029-03-01'), 'cert.isms.yaml', CODE).map((f) => f.text), ['2029-02-28']);
  });

  it('handles a leap-day expiry', () => {
    assert.deepEqual(summarize(workspace('2028-02-29', '2028-02-29'), 'cert.isms.yaml', CODE), []);
    assert.match(diagnosticsOf(workspace('2028-02-29', '2028-03-01'), 'cert.isms.yaml', CODE)[0]!.message, /expired on 2028-02-29, 1 day ago\./);
  });
});
