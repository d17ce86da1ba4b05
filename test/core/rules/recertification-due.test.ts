import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['recertification-due'];
const TODAY = '2026-11-28';

function certificate(expires: string, issued = '2024-03-01'): string {
  return `certificate:\n  number: IS 000000\n  issued: ${issued}\n  expires: ${expires}\n`;
}

function recertification(date: string, status = 'planned'): string {
  return `audits:\n  - id: AU-RC\n    type: recertification\n    date: ${date}\n    status: ${status}\n`;
}

function check(tree: Record<string, string>, codes = CODE) {
  return summarize(workspaceOf(tree, { today: TODAY }), 'cert.isms.yaml', codes);
}

describe('rule recertification-due', () => {
  it('reports a certificate expiring in 90 days without a recertification audit, on the expires value', () => {
    // 2026-11-28 + 90 days = 2027-02-26.
    const ws = workspaceOf({ 'cert.isms.yaml': certificate('2027-02-26') }, { today: TODAY });
    assert.deepEqual(summarize(ws, 'cert.isms.yaml', CODE), [{ code: 'recertification-due', line: 4, text: '2027-02-26' }]);
    const [d] = diagnosticsOf(ws, 'cert.isms.yaml', CODE);
    assert.match(d!.message, /^The certificate expires on 2027-02-26 \(in 90 days\) and no recertification audit is planned before then\./);
    assert.deepEqual(d!.data, { expires: '2027-02-26', daysLeft: 90 });
  });

  it('stays silent at 91 days', () => {
    assert.deepEqual(check({ 'cert.isms.yaml': certificate('2027-02-27') }), []);
  });

  it('reports a certificate expiring today (0 days)', () => {
    assert.deepEqual(check({ 'cert.isms.yaml': certificate(TODAY) }), [{ code: 'recertification-due', line: 4, text: TODAY }]);
  });

  it('leaves an expired certificate to certificate-expired', () => {
    assert.deepEqual(check({ 'cert.isms.yaml': certificate('2026-11-27') }, ['recertification-due', 'certificate-expired']), [
      { code: 'certificate-expired', line: 4, text: '2026-11-27' },
    ]);
  });

  it('stays silent when a recertification audit, planned or completed, is dated before expiry (in another file)', () => {
    assert.deepEqual(check({ 'cert.isms.yaml': certificate('2027-01-31'), 'audits.isms.yaml': recertification('2027-01-12') }), []);
    assert.deepEqual(check({ 'cert.isms.yaml': certificate('2027-01-31'), 'audits.isms.yaml': recertification('2026-11-20', 'completed') }), []);
    assert.deepEqual(check({ 'cert.isms.yaml': certificate('2027-01-31'), 'audits.isms.yaml': recertification('2027-01-31') }), []);
  });

  it('does not count a recertification audit after expiry, or one from before the certificate was issued', () => {
    const after = check({ 'cert.isms.yaml': certificate('2027-01-31'), 'audits.isms.yaml': recertification('2027-02-01') });
    assert.deepEqual(after.map((f) => f.code), ['recertification-due']);
    const before = check({ 'cert.isms.yaml': certificate('2027-01-31'), 'audits.isms.yaml': recertification('2024-02-10', 'completed') });
    assert.deepEqual(before.map((f) => f.code), ['recertification-due']);
  });

  it('does not count audits of another type', () => {
    const surveillance = recertification('2027-01-12').replace('type: recertification', 'type: surveillance');
    assert.deepEqual(check({ 'cert.isms.yaml': certificate('2027-01-31'), 'audits.isms.yaml': surveillance }).map((f) => f.code), ['recertification-due']);
  });
});
