import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['certificate-validity'];

function check(issued: string, expires: string) {
  const ws = workspaceOf({ 'cert.isms.yaml': `certificate:\n  number: IS 000000\n  issued: ${issued}\n  expires: ${expires}\n` }, { today: '2026-06-01' });
  return { ws, found: summarize(ws, 'cert.isms.yaml', CODE) };
}

describe('rule certificate-validity', () => {
  it('accepts exactly 3 calendar years, and reports one day more on the expires value', () => {
    assert.deepEqual(check('2026-06-01', '2029-06-01').found, []);
    const { ws, found } = check('2026-06-01', '2029-06-02');
    assert.deepEqual(found, [{ code: 'certificate-validity', line: 4, text: '2029-06-02' }]);
    const [d] = diagnosticsOf(ws, 'cert.isms.yaml', CODE);
    assert.match(d!.message, /^The certificate expires on 2029-06-02, more than 3 years after it was issued on 2026-06-01\. .*latest possible expiry is 2029-06-01;/);
    assert.deepEqual(d!.data, { latest: '2029-06-01' });
  });

  it('counts a certificate issued on a leap day to the last day of February', () => {
    assert.deepEqual(check('2028-02-29', '2031-02-28').found, []);
    assert.deepEqual(check('2028-02-29', '2031-03-01').found, [{ code: 'certificate-validity', line: 4, text: '2031-03-01' }]);
  });

  it('stays silent for shorter certificates and for dates it cannot read', () => {
    assert.deepEqual(check('2026-06-01', '2029-05-31').found, []);
    assert.deepEqual(check('2026-06-01', '"next year"').found, []);
  });
});
